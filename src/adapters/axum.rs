//! axum integration (feature `axum`, depends on `axum-core` 0.5 only).
//!
//! Every response-producing type implements [`IntoResponse`]: [`OAuthError`],
//! [`ErrorResponse`], [`AuthorizationError`], [`AuthenticationRequired`] and
//! [`RedirectUriError`]. The response is exactly what the core's `to_response` renders.

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;

use crate::authorize::{AuthorizationError, RedirectUriError, ResponseModeError};
use crate::{AuthenticationRequired, ErrorResponse, OAuthError};

fn convert(response: http::Response<Bytes>) -> Response {
    response.map(Body::from)
}

/// Renders at the error's endpoint ([`ErrorResponse::response`]).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::{Endpoint, OAuthError};
///
/// let r = OAuthError::InvalidGrant.with_description("code expired").at(Endpoint::Token).into_response();
/// assert_eq!(r.status(), 400);
/// assert_eq!(r.headers()["cache-control"], "no-store");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        convert(self.response())
    }
}

/// Renders the bare code at its default endpoint
/// ([`CodeInfo::default_endpoint`](crate::CodeInfo::default_endpoint)).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::OAuthError;
///
/// let r = OAuthError::TemporarilyUnavailable.into_response();
/// assert_eq!(r.status(), 503);
/// assert_eq!(r.headers()["content-type"], "application/json");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        convert(ErrorResponse::new(self).response())
    }
}

/// The redirect, `form_post` page or direct 400 ([`AuthorizationError::to_response`]).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
/// use oauth_errors::OAuthError;
///
/// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
/// let r = AuthorizationError::new(OAuthError::AccessDenied, uri).into_response();
/// assert_eq!(r.status(), 303);
/// assert_eq!(r.headers()["location"], "https://client.example.com/cb?error=access_denied");
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for AuthorizationError {
    fn into_response(self) -> Response {
        convert(self.to_response())
    }
}

/// 401 with the challenges and no error information.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::{AuthenticationRequired, Challenge};
///
/// let r = AuthenticationRequired::new(Challenge::bearer().realm("api")).into_response();
/// assert_eq!(r.status(), 401);
/// assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="api""#);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for AuthenticationRequired {
    fn into_response(self) -> Response {
        convert(self.to_response())
    }
}

/// The direct, non-redirected 400 ([`RedirectUriError::to_error`]).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::authorize::RedirectUriError;
///
/// let r = RedirectUriError::NotRegistered.into_response();
/// assert_eq!(r.status(), 400);
/// assert!(r.headers().get("location").is_none());
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for RedirectUriError {
    fn into_response(self) -> Response {
        convert(self.to_error().response())
    }
}

/// The plain 400 of OpenID Connect Core §3.1.2.6 ([`ResponseModeError::to_response`]).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for ResponseModeError {
    fn into_response(self) -> Response {
        convert(self.to_response())
    }
}
