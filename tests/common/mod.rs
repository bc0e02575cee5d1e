//! Scaffolding shared by the integration tests (`mod common;` in each test that uses it;
//! Cargo builds no test target of its own from a subdirectory of `tests/`).

// Each test uses only part of the scaffolding.
#![allow(dead_code)]

pub mod raw_http;
pub mod servers;
