//! Thin framework adapters over the core: each converts the `http::Response<Bytes>` the
//! core renders, without changing a header or a byte.

#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "axum")]
pub(crate) mod axum;
#[cfg(feature = "utoipa")]
pub mod openapi;
