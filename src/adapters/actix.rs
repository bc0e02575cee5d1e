//! actix-web 4 integration (feature `actix-web`, with `default-features = false`).
//!
//! Every response-producing type — [`ErrorResponse`], [`OAuthError`],
//! [`AuthorizationError`], [`AuthenticationRequired`], [`RedirectUriError`],
//! [`ResponseModeError`] and [`Rejection`] — implements [`ResponseError`] (both
//! `status_code()` and `error_response()`, which always agree) and [`Responder`].
//! actix-web 4 uses `http` 0.2; the conversion copies the status, every header (repeated
//! ones included, in order) and the body bytes unchanged, and puts an [`ErrorReport`] into
//! the response extensions of every error that has a code. [`AccessToken`] and
//! [`ClientForm`] are extractors.

use std::future::{Future, Ready, ready};
use std::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::error::{
    JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, ResponseError, web};
use bytes::Bytes;

use crate::adapters::rejections::{Kind, error};
use crate::authorize::{AuthorizationError, RedirectUriError, ResponseModeError};
use crate::extract::{
    AccessToken, AccessTokenConfig, ClientAuthConfig, ClientForm, OptionalAccessToken,
};
use crate::{AuthenticationRequired, ErrorReport, ErrorResponse, OAuthError, Rejection};

fn status(s: http::StatusCode) -> ActixStatus {
    ActixStatus::from_u16(s.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

/// Converts a core response into an actix-web response, byte for byte, with `report` in
/// its extensions.
pub(crate) fn convert(
    response: http::Response<Bytes>,
    report: Option<ErrorReport>,
) -> HttpResponse {
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
    if let Some(report) = report {
        out.extensions_mut().insert(report);
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
        convert(self.response(), Some(self.report()))
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
        ErrorResponse::new(self.clone()).error_response()
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
        convert(self.response(), Some(self.report()))
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
        ErrorResponse::new(self).error_response()
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
        self.error_response()
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
        self.error_response()
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
        self.error_response()
    }
}

/// The plain 400 of OpenID Connect Core §3.1.2.6 ([`ResponseModeError::to_response`]).
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for ResponseModeError {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        self.error_response()
    }
}

/// The redirect, `form_post` page or direct 400 ([`AuthorizationError::to_response`]), so
/// `Err(authorization_error.into())` works in a handler.
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
/// use oauth_errors::OAuthError;
///
/// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
/// let err = AuthorizationError::new(OAuthError::LoginRequired, uri);
/// assert_eq!(err.status_code().as_u16(), 303);
/// assert_eq!(err.error_response().status().as_u16(), 303);
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for AuthorizationError {
    fn status_code(&self) -> ActixStatus {
        status(self.response_status())
    }

    fn error_response(&self) -> HttpResponse {
        convert(self.to_response(), Some(self.report()))
    }
}

/// 401 with the challenges and no error information
/// ([`AuthenticationRequired::to_response`]).
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::{AuthenticationRequired, Challenge};
///
/// let auth = AuthenticationRequired::new(Challenge::bearer().realm("api"));
/// assert_eq!(auth.status_code().as_u16(), 401);
/// assert_eq!(auth.error_response().status().as_u16(), 401);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for AuthenticationRequired {
    fn status_code(&self) -> ActixStatus {
        ActixStatus::UNAUTHORIZED
    }

    fn error_response(&self) -> HttpResponse {
        convert(self.to_response(), None)
    }
}

/// The direct, non-redirected 400 ([`RedirectUriError::to_error`]).
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::authorize::RedirectUriError;
///
/// assert_eq!(RedirectUriError::Missing.status_code().as_u16(), 400);
/// assert_eq!(RedirectUriError::Missing.error_response().status().as_u16(), 400);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for RedirectUriError {
    fn status_code(&self) -> ActixStatus {
        self.to_error().status_code()
    }

    fn error_response(&self) -> HttpResponse {
        self.to_error().error_response()
    }
}

/// The plain 400 of OpenID Connect Core §3.1.2.6 ([`ResponseModeError::to_response`]).
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::authorize::ResponseModeError;
///
/// let r = ResponseModeError::Unsupported.error_response();
/// assert_eq!((ResponseModeError::Unsupported.status_code().as_u16(), r.status().as_u16()), (400, 400));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for ResponseModeError {
    fn status_code(&self) -> ActixStatus {
        ActixStatus::BAD_REQUEST
    }

    fn error_response(&self) -> HttpResponse {
        convert(self.to_response(), None)
    }
}

/// Exactly as the wrapped type ([`Rejection::to_response`]).
///
/// ```
/// use actix_web::ResponseError;
/// use oauth_errors::{OAuthError, Rejection};
///
/// let r = Rejection::from(OAuthError::InsufficientScope);
/// assert_eq!(r.status_code().as_u16(), 403);
/// assert_eq!(r.error_response().status().as_u16(), 403);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl ResponseError for Rejection {
    fn status_code(&self) -> ActixStatus {
        status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Rejection::Error(e) => e.error_response(),
            Rejection::AuthenticationRequired(a) => a.error_response(),
            Rejection::Redirect(a) => a.error_response(),
            Rejection::ResponseMode(m) => m.error_response(),
        }
    }
}

/// Exactly as the wrapped type ([`Rejection::to_response`]).
///
/// ```
/// use actix_web::{Responder, test::TestRequest};
/// use oauth_errors::{AuthenticationRequired, Challenge, Rejection};
///
/// let r = Rejection::from(AuthenticationRequired::new(Challenge::bearer().realm("api")));
/// let r = r.respond_to(&TestRequest::default().to_http_request());
/// assert_eq!(r.status().as_u16(), 401);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl Responder for Rejection {
    type Body = BoxBody;
    fn respond_to(self, _req: &HttpRequest) -> HttpResponse {
        self.error_response()
    }
}

fn app_config<T: Clone + Default + 'static>(req: &HttpRequest) -> T {
    req.app_data::<T>()
        .or_else(|| req.app_data::<web::Data<T>>().map(|d| d.get_ref()))
        .cloned()
        .unwrap_or_default()
}

/// Reads the access token from the `Authorization` header with the
/// [`AccessTokenConfig`] in the app data (`App::app_data(config)`, or as `web::Data`),
/// else the default; see [`AccessTokenConfig::extract`].
///
/// ```
/// use actix_web::{App, get};
/// use oauth_errors::extract::{AccessToken, AccessTokenConfig};
/// use oauth_errors::{OAuthError, Rejection};
///
/// #[get("/profile")]
/// async fn profile(token: AccessToken) -> Result<String, Rejection> {
///     if token.as_str() != "demo-access-token" {
///         return Err(token.reject(OAuthError::InvalidToken).into());
///     }
///     Ok("profile".into())
/// }
///
/// let _app = App::new().app_data(AccessTokenConfig::new("demo")).service(profile);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl FromRequest for AccessToken {
    type Error = Rejection;
    type Future = Ready<Result<AccessToken, Rejection>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(app_config::<AccessTokenConfig>(req).extract(req))
    }
}

/// Like [`AccessToken`]'s extractor, but `None` when the request carries no usable
/// credentials; see [`AccessTokenConfig::extract_optional`]. (actix-web's own
/// `Option<AccessToken>` would also turn malformed credentials into `None`.)
///
/// ```
/// use actix_web::{App, get};
/// use oauth_errors::extract::OptionalAccessToken;
///
/// #[get("/feed")]
/// async fn feed(OptionalAccessToken(token): OptionalAccessToken) -> String {
///     match token {
///         Some(_) => "personal feed".into(),
///         None => "public feed".into(),
///     }
/// }
/// let _app = App::new().service(feed);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl FromRequest for OptionalAccessToken {
    type Error = Rejection;
    type Future = Ready<Result<OptionalAccessToken, Rejection>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(app_config::<AccessTokenConfig>(req).extract_optional(req).map(OptionalAccessToken))
    }
}

/// Reads the form body once (up to actix-web's `PayloadConfig` limit, 256 KiB by default)
/// and the client credentials, with the [`ClientAuthConfig`] in the app data
/// (`App::app_data(config)`, or as `web::Data`), else the default; see
/// [`ClientForm::from_body`] and the
/// [`extract` module docs](crate::extract#framework-extractors).
///
/// ```
/// use actix_web::{App, HttpResponse, post};
/// use oauth_errors::extract::{ClientAuthConfig, ClientForm};
/// use oauth_errors::{ErrorResponse, OAuthError};
///
/// #[derive(serde::Deserialize)]
/// struct TokenParams { grant_type: String }
///
/// #[post("/token")]
/// async fn token(request: ClientForm<TokenParams>) -> Result<HttpResponse, ErrorResponse> {
///     let ClientForm { client, form } = request;
///     if client.client_id() != Some("demo-client") || !client.secret_matches("demo-secret") {
///         return Err(client.invalid_client().with_description("Client authentication failed"));
///     }
///     if form.grant_type != "client_credentials" {
///         return Err(OAuthError::UnsupportedGrantType.into());
///     }
///     Ok(HttpResponse::Ok().body("{}"))
/// }
///
/// let _app = App::new().app_data(ClientAuthConfig::new("demo")).service(token);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl<F: serde::de::DeserializeOwned + 'static> FromRequest for ClientForm<F> {
    type Error = ErrorResponse;
    type Future = Pin<Box<dyn Future<Output = Result<ClientForm<F>, ErrorResponse>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body.await.map_err(|e| match e.as_error::<PayloadError>() {
                Some(PayloadError::Overflow) => error(Kind::TooLarge, &e),
                _ => error(Kind::Unreadable, &e),
            })?;
            ClientForm::from_body(&app_config::<ClientAuthConfig>(&req), &req, &body)
        })
    }
}

fn payload_kind(e: &PayloadError) -> Kind {
    match e {
        PayloadError::Overflow => Kind::TooLarge,
        _ => Kind::Unreadable,
    }
}

fn form_error(e: UrlencodedError) -> ErrorResponse {
    let kind = match &e {
        UrlencodedError::ContentType => Kind::FormContentType,
        UrlencodedError::Overflow { .. } => Kind::TooLarge,
        UrlencodedError::Payload(p) => payload_kind(p),
        UrlencodedError::Chunked | UrlencodedError::UnknownLength => Kind::Unreadable,
        _ => Kind::FormInvalid,
    };
    error(kind, e)
}

fn json_error(e: JsonPayloadError) -> ErrorResponse {
    let kind = match &e {
        JsonPayloadError::ContentType => Kind::JsonContentType,
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            Kind::TooLarge
        }
        JsonPayloadError::Deserialize(d) if d.is_data() => Kind::JsonData,
        JsonPayloadError::Payload(p) => payload_kind(p),
        _ => Kind::JsonSyntax,
    };
    error(kind, e)
}

/// Installs OAuth-shaped rejections for actix-web's `Form`, `Json`, `Query` and `Path`
/// extractors: `App::new().configure(oauth_errors::actix::rejections)`.
///
/// Their errors become `invalid_request` ([`ErrorResponse`], at the code's default
/// endpoint: 400 without a challenge) with a fixed description naming the problem — the
/// wrong `Content-Type`, a body that is not JSON or lacks members, parameters that do not
/// fit — and 413 `invalid_request` over the body limit; the framework's own message is
/// the internal cause, for logs. It registers `FormConfig`, `JsonConfig`, `QueryConfig`
/// and `PathConfig` app data with their default limits; a scope or resource that
/// registers its own config replaces this one there (give it the same `error_handler`
/// with [`rejections`] on a `web::scope(..).configure(..)`).
///
/// ```
/// use actix_web::{App, test, web};
///
/// #[derive(serde::Deserialize)]
/// struct Revoke { token: String }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .configure(oauth_errors::actix::rejections)
///         .route("/revoke", web::post().to(|form: web::Form<Revoke>| async move { form.into_inner().token })),
/// ).await;
/// let req = test::TestRequest::post().uri("/revoke").set_json(serde_json::json!({"token": "x"})).to_request();
/// let body = test::call_and_read_body(&app, req).await;
/// assert_eq!(
///     body.as_ref(),
///     br#"{"error":"invalid_request","error_description":"The request body must be application/x-www-form-urlencoded"}"#
/// );
/// # });
/// ```
pub fn rejections(config: &mut web::ServiceConfig) {
    config
        .app_data(web::FormConfig::default().error_handler(|e, _| form_error(e).into()))
        .app_data(web::JsonConfig::default().error_handler(|e, _| json_error(e).into()))
        .app_data(
            web::QueryConfig::default()
                .error_handler(|e: QueryPayloadError, _| error(Kind::Query, e).into()),
        )
        .app_data(
            web::PathConfig::default().error_handler(|e: PathError, _| error(Kind::Path, e).into()),
        );
}
