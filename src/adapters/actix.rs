//! actix-web 4 integration (feature `actix-web`, with `default-features = false`).
//!
//! [`ErrorResponse`] and [`OAuthError`] implement [`ResponseError`] — both
//! `status_code()` and `error_response()`, which always agree — and [`Responder`];
//! [`AuthorizationError`], [`AuthenticationRequired`] and [`RedirectUriError`] implement
//! [`Responder`]. actix-web 4 uses `http` 0.2; the conversion copies the status, every
//! header (repeated ones included, in order) and the body bytes unchanged.

use actix_web::body::BoxBody;
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, Responder, ResponseError};
use bytes::Bytes;

use crate::authorize::{AuthorizationError, RedirectUriError};
use crate::{AuthenticationRequired, ErrorResponse, OAuthError};

fn status(s: http::StatusCode) -> ActixStatus {
    ActixStatus::from_u16(s.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

/// Converts a core response into an actix-web response, byte for byte.
pub(crate) fn convert(response: http::Response<Bytes>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut out = HttpResponse::with_body(status(parts.status), BoxBody::new(body));
    let headers = out.headers_mut();
    for (name, value) in &parts.headers {
        if let (Ok(n), Ok(v)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(n, v);
        }
    }
    out
}

/// `status_code()` and `error_response()` agree: both come from the same resolution.
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::{ClientAuth, OAuthError};
///
/// let err = OAuthError::InvalidClient.with_client_auth(ClientAuth::basic("demo"));
/// assert_eq!(err.status_code().as_u16(), 401);
/// assert_eq!(err.error_response().status().as_u16(), 401);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for ErrorResponse {
    fn status_code(&self) -> ActixStatus {
        status(self.resolve_status(self.effective_endpoint()))
    }

    fn error_response(&self) -> HttpResponse {
        convert(self.response())
    }
}

/// As a bare code at the default endpoint.
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for OAuthError {
    fn status_code(&self) -> ActixStatus {
        let err = ErrorResponse::new(self.clone());
        status(err.resolve_status(err.effective_endpoint()))
    }

    fn error_response(&self) -> HttpResponse {
        convert(ErrorResponse::new(self.clone()).response())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for ErrorResponse {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.response())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for OAuthError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(ErrorResponse::new(self).response())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for AuthorizationError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_response())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for AuthenticationRequired {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_response())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for RedirectUriError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_error().response())
    }
}
