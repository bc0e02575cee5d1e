//! The server half: rendering an error to `http::Response<Bytes>` and authorization
//! redirects. Framework-free; the adapters in `crate::adapters` are thin layers over
//! [`ErrorResponse::response`](crate::ErrorResponse::response).

pub mod authorize;
pub(crate) mod response;
