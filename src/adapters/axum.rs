//! axum integration (feature `axum`, depends on `axum-core` 0.5 only).
//!
//! Every response-producing type implements [`IntoResponse`]: [`OAuthError`],
//! [`ErrorResponse`], [`AuthorizationError`], [`AuthenticationRequired`],
//! [`RedirectUriError`], [`ResponseModeError`] and [`Rejection`]. The response is exactly
//! what the core's `to_response` renders, plus an [`ErrorReport`] in the response
//! extensions of every error that has a code. [`AccessToken`] and [`ClientForm`] are
//! extractors.

use axum_core::body::Body;
use axum_core::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum_core::extract::{FromRequest, FromRequestParts, Request};
use axum_core::response::{IntoResponse, Response};
use bytes::Bytes;
use http::request::Parts;

use crate::authorize::{AuthorizationError, RedirectUriError, ResponseModeError};
use crate::extract::{
    AccessToken, AccessTokenConfig, ClientAuthConfig, ClientForm, OptionalAccessToken,
};
use crate::{
    AuthenticationRequired, ErrorReport, ErrorResponse, ErrorStatus, OAuthError, Rejection,
};

fn convert(response: http::Response<Bytes>, report: Option<ErrorReport>) -> Response {
    let mut response = response.map(Body::from);
    if let Some(report) = report {
        response.extensions_mut().insert(report);
    }
    response
}

/// Renders at the error's endpoint ([`ErrorResponse::response`]), with its
/// [`ErrorReport`] in the response extensions.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::{Endpoint, ErrorReport, OAuthError};
///
/// let r = OAuthError::InvalidGrant.with_description("code expired").at(Endpoint::Token).into_response();
/// assert_eq!(r.status(), 400);
/// assert_eq!(r.headers()["cache-control"], "no-store");
/// assert_eq!(r.extensions().get::<ErrorReport>().map(|e| e.code().as_str()), Some("invalid_grant"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        convert(self.response(), Some(self.report()))
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
        ErrorResponse::new(self).into_response()
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
        convert(self.to_response(), Some(self.report()))
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
        convert(self.to_response(), None)
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
        self.to_error().into_response()
    }
}

/// The plain 400 of OpenID Connect Core §3.1.2.6 ([`ResponseModeError::to_response`]).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::authorize::ResponseModeError;
///
/// let r = ResponseModeError::Unsupported.into_response();
/// assert_eq!(r.status(), 400);
/// assert_eq!(r.headers()["cache-control"], "no-store");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for ResponseModeError {
    fn into_response(self) -> Response {
        convert(self.to_response(), None)
    }
}

/// Exactly as the wrapped type ([`Rejection::to_response`]).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use oauth_errors::{OAuthError, Rejection};
///
/// let r = Rejection::from(OAuthError::InsufficientScope).into_response();
/// assert_eq!(r.status(), 403);
/// assert_eq!(r.headers()["www-authenticate"], r#"Bearer error="insufficient_scope""#);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Rejection::Error(e) => e.into_response(),
            Rejection::AuthenticationRequired(a) => a.into_response(),
            Rejection::Redirect(a) => (*a).into_response(),
            Rejection::ResponseMode(m) => m.into_response(),
        }
    }
}

/// Reads the access token from the `Authorization` header with the
/// [`AccessTokenConfig`] in the request extensions (add it with
/// `axum::Extension(config)`), else the default; see [`AccessTokenConfig::extract`].
///
/// ```
/// use axum::{Extension, Router, routing::get};
/// use oauth_errors::extract::{AccessToken, AccessTokenConfig};
/// use oauth_errors::{OAuthError, Rejection};
///
/// async fn profile(token: AccessToken) -> Result<String, Rejection> {
///     if token.as_str() != "demo-access-token" {
///         return Err(token.reject(OAuthError::InvalidToken).into());
///     }
///     Ok("profile".into())
/// }
///
/// let app: Router = Router::new()
///     .route("/profile", get(profile))
///     .layer(Extension(AccessTokenConfig::new("demo")));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<S: Send + Sync> FromRequestParts<S> for AccessToken {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Rejection> {
        match parts.extensions.get::<AccessTokenConfig>() {
            Some(config) => config.extract(&parts.headers),
            None => AccessTokenConfig::default().extract(&parts.headers),
        }
    }
}

/// Like [`AccessToken`]'s extractor, but `None` when the request carries no usable
/// credentials; see [`AccessTokenConfig::extract_optional`].
///
/// ```
/// use oauth_errors::extract::OptionalAccessToken;
///
/// async fn feed(OptionalAccessToken(token): OptionalAccessToken) -> String {
///     match token {
///         Some(_) => "personal feed".into(),
///         None => "public feed".into(),
///     }
/// }
/// let _app: axum::Router = axum::Router::new().route("/feed", axum::routing::get(feed));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<S: Send + Sync> FromRequestParts<S> for OptionalAccessToken {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Rejection> {
        let token = match parts.extensions.get::<AccessTokenConfig>() {
            Some(config) => config.extract_optional(&parts.headers),
            None => AccessTokenConfig::default().extract_optional(&parts.headers),
        };
        token.map(OptionalAccessToken)
    }
}

/// The rejection of a body that could not be buffered: 413 `invalid_request` over the
/// limit (axum's `DefaultBodyLimit`), 400 otherwise.
pub(crate) fn body_rejection(e: &BytesRejection) -> ErrorResponse {
    match e {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            OAuthError::InvalidRequest
                .with_description(crate::error_text!("The request body is too large"))
                .with_status(ErrorStatus::PAYLOAD_TOO_LARGE)
        }
        _ => OAuthError::InvalidRequest
            .with_description(crate::error_text!("The request body could not be read")),
    }
}

/// Reads the form body once (up to axum's `DefaultBodyLimit`) and the client credentials,
/// with the [`ClientAuthConfig`] in the request extensions (add it with
/// `axum::Extension(config)`), else the default; see [`ClientForm::from_body`] and the
/// [`extract` module docs](crate::extract#framework-extractors).
///
/// ```
/// use axum::{Extension, Json, Router, routing::post};
/// use oauth_errors::extract::{ClientAuthConfig, ClientForm};
/// use oauth_errors::{ErrorResponse, OAuthError};
///
/// #[derive(serde::Deserialize)]
/// struct TokenParams { grant_type: String }
///
/// async fn token(ClientForm { client, form }: ClientForm<TokenParams>) -> Result<Json<serde_json::Value>, ErrorResponse> {
///     if client.client_id() != Some("demo-client") || !client.secret_matches("demo-secret") {
///         return Err(client.invalid_client().with_description("Client authentication failed"));
///     }
///     if form.grant_type != "client_credentials" {
///         return Err(OAuthError::UnsupportedGrantType.into());
///     }
///     Ok(Json(serde_json::json!({ "access_token": "demo-access-token", "token_type": "Bearer" })))
/// }
///
/// let app: Router = Router::new()
///     .route("/token", post(token))
///     .layer(Extension(ClientAuthConfig::new("demo")));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<S, F> FromRequest<S> for ClientForm<F>
where
    S: Send + Sync,
    F: serde::de::DeserializeOwned,
{
    type Rejection = ErrorResponse;

    async fn from_request(req: Request, state: &S) -> Result<Self, ErrorResponse> {
        let config = req.extensions().get::<ClientAuthConfig>().cloned().unwrap_or_default();
        // The headers move out (reading the body needs only its limit, in the
        // extensions): no copy of the header map per request.
        let (mut parts, body) = req.into_parts();
        let headers = core::mem::take(&mut parts.headers);
        let req = Request::from_parts(parts, body);
        let body = Bytes::from_request(req, state).await.map_err(|e| body_rejection(&e))?;
        ClientForm::from_body(&config, &headers, &body)
    }
}
