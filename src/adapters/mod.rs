//! Thin framework adapters over the core: each converts the `http::Response<Bytes>` the
//! core renders, without changing a header or a byte; and the bridge to the `oauth2`
//! client crate, over the client half.

#[cfg(feature = "actix-web")]
pub(crate) mod actix;
#[cfg(feature = "axum")]
pub(crate) mod axum;
#[cfg(feature = "oauth2")]
pub(crate) mod oauth2;
#[cfg(feature = "utoipa")]
pub mod openapi;
