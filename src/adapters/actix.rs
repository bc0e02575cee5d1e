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

use crate::authorize::{AuthorizationError, RedirectUriError, ResponseModeError};
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

/// As a bare code at its default endpoint
/// ([`CodeInfo::default_endpoint`](crate::CodeInfo::default_endpoint)).
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::OAuthError;
///
/// assert_eq!(OAuthError::TemporarilyUnavailable.status_code().as_u16(), 503);
/// let r = OAuthError::InvalidGrant.error_response();
/// assert_eq!(r.status().as_u16(), 400);
/// assert_eq!(r.headers().get("cache-control").map(|v| v.as_bytes()), Some(&b"no-store"[..]));
/// ```
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

/// Renders at the error's endpoint ([`ErrorResponse::response`]).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::{Endpoint, OAuthError};
///
/// let req = TestRequest::default().to_http_request();
/// let err = OAuthError::InvalidToken.with_description("expired").at(Endpoint::Resource);
/// let r = err.respond_to(&req);
/// assert_eq!(r.status().as_u16(), 401);
/// assert_eq!(
///     r.headers().get("www-authenticate").map(|v| v.as_bytes()),
///     Some(&br#"Bearer error="invalid_token", error_description="expired""#[..])
/// );
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for ErrorResponse {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.response())
    }
}

/// Renders the bare code at its default endpoint
/// ([`CodeInfo::default_endpoint`](crate::CodeInfo::default_endpoint)).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::OAuthError;
///
/// let r = OAuthError::UnsupportedGrantType.respond_to(&TestRequest::default().to_http_request());
/// assert_eq!(r.status().as_u16(), 400);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for OAuthError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(ErrorResponse::new(self).response())
    }
}

/// The redirect, `form_post` page or direct 400 ([`AuthorizationError::to_response`]).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
/// use oauth_errors::OAuthError;
///
/// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
/// let err = AuthorizationError::new(OAuthError::AccessDenied, uri);
/// let r = err.respond_to(&TestRequest::default().to_http_request());
/// assert_eq!(r.status().as_u16(), 303);
/// assert_eq!(
///     r.headers().get("location").map(|v| v.as_bytes()),
///     Some(&b"https://client.example.com/cb?error=access_denied"[..])
/// );
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for AuthorizationError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_response())
    }
}

/// 401 with the challenges and no error information
/// ([`AuthenticationRequired::to_response`]).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::{AuthenticationRequired, Challenge};
///
/// let auth = AuthenticationRequired::new(Challenge::bearer().realm("api"));
/// let r = auth.respond_to(&TestRequest::default().to_http_request());
/// assert_eq!(r.status().as_u16(), 401);
/// assert_eq!(
///     r.headers().get("www-authenticate").map(|v| v.as_bytes()),
///     Some(&br#"Bearer realm="api""#[..])
/// );
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for AuthenticationRequired {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_response())
    }
}

/// The direct, non-redirected 400 ([`RedirectUriError::to_error`]).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::authorize::RedirectUriError;
///
/// let r = RedirectUriError::Missing.respond_to(&TestRequest::default().to_http_request());
/// assert_eq!(r.status().as_u16(), 400);
/// assert!(!r.headers().contains_key("location"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for RedirectUriError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_error().response())
    }
}

/// The plain 400 of OpenID Connect Core §3.1.2.6 ([`ResponseModeError::to_response`]).
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for ResponseModeError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        convert(self.to_response())
    }
}
