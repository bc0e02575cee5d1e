//! The server half: rendering an error to `http::Response<Bytes>` and authorization
//! redirects. Framework-free; the adapters in `crate::adapters` are thin layers over
//! [`ErrorResponse::response`](crate::ErrorResponse::response).

pub mod authorize;
#[cfg(feature = "log")]
pub(crate) mod log;
pub(crate) mod rejection;
pub(crate) mod report;
pub(crate) mod response;
