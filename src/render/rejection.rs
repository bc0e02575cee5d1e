//! [`Rejection`]: every way an OAuth handler can refuse a request, as one type.

use core::fmt;

use bytes::Bytes;
use http::{Response, StatusCode};

use crate::render::authorize::{AuthorizationError, ResponseModeError};
use crate::render::report::ErrorReport;
use crate::render::response::AuthenticationRequired;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::error::ErrorResponse;

/// Every way an OAuth handler can refuse a request, as one type: the error type of a
/// protected-resource or authorization-endpoint handler, and of the
/// [`AccessToken`](crate::extract::AccessToken) extractor.
///
/// | Variant | Response |
/// |---|---|
/// | [`Error`](Self::Error) — from [`OAuthError`](crate::OAuthError), [`ErrorResponse`], [`RedirectUriError`](crate::authorize::RedirectUriError) or any type with `Into<ErrorResponse>` | the JSON error at its endpoint ([`ErrorResponse::response`]): `invalid_request`, `invalid_token`, `insufficient_scope`, DPoP and step-up errors with their challenges, a direct 400 at the authorization endpoint, … |
/// | [`AuthenticationRequired`](Self::AuthenticationRequired) | 401 with challenges and no error information (no credentials, RFC 6750 §3.1) |
/// | [`Redirect`](Self::Redirect) — from [`AuthorizationError`] | the error delivered to the client's verified redirect URI (303/302 or `form_post`) |
/// | [`ResponseMode`](Self::ResponseMode) — from [`ResponseModeError`] | the plain 400 of OpenID Connect Core §3.1.2.6 |
///
/// Each renders exactly as the wrapped type does — the same resolution, byte for byte, in
/// axum (`IntoResponse`), actix-web (`ResponseError`, `Responder`) and framework-free
/// ([`to_response`](Self::to_response)).
///
/// **Why one enum rather than a wider [`ErrorResponse`].** An `ErrorResponse` always
/// *has* an error code and renders at an endpoint; "no credentials" has no code (RFC 6750
/// §3.1: the server "SHOULD NOT include an error code") and a redirect has no status of
/// its own. Folding them into
/// `ErrorResponse` would make `code()` and `to_response(endpoint)` lie for those cases, so
/// they stay separate types and `Rejection` is their union. `?` converts each of them —
/// and every domain error with `From<MyError> for ErrorResponse` — so a handler needs no
/// `.into_response()` on any branch.
///
/// It stays small (an authorization error is boxed), so `Result<T, Rejection>` does not
/// trip clippy's `result_large_err`:
///
/// ```
/// assert!(std::mem::size_of::<oauth_errors::Rejection>() <= 40);
/// ```
///
/// ```
/// use oauth_errors::{Challenge, ErrorResponse, OAuthError, Rejection};
/// use oauth_errors::AuthenticationRequired;
///
/// #[derive(Debug)]
/// enum StoreError { Unavailable }
/// impl From<StoreError> for ErrorResponse {
///     fn from(e: StoreError) -> Self {
///         OAuthError::TemporarilyUnavailable.with_retry_after(30u64)
///     }
/// }
///
/// fn lookup(token: Option<&str>) -> Result<&'static str, Rejection> {
///     let Some(token) = token else {
///         return Err(AuthenticationRequired::new(Challenge::bearer().realm("api")).into());
///     };
///     if token == "down" {
///         Err(StoreError::Unavailable)?; // domain error → ErrorResponse → Rejection
///     }
///     if token != "good" {
///         Err(OAuthError::InvalidToken)?;
///     }
///     Ok("data")
/// }
///
/// assert_eq!(lookup(None).unwrap_err().to_response().status(), 401);
/// assert_eq!(lookup(Some("bad")).unwrap_err().to_response().status(), 401);
/// assert_eq!(lookup(Some("down")).unwrap_err().to_response().headers()["retry-after"], "30");
/// assert_eq!(lookup(Some("good")).unwrap(), "data");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// An error response, rendered at its endpoint.
    Error(ErrorResponse),
    /// 401 with challenges and no error information.
    AuthenticationRequired(AuthenticationRequired),
    /// An authorization error delivered to the client's redirect URI (or, for a code that
    /// is never redirected, answered directly: see [`AuthorizationError::to_response`]).
    /// Boxed, so that `Result<T, Rejection>` stays small.
    Redirect(Box<AuthorizationError>),
    /// An unusable `response_mode`: the plain 400 of OpenID Connect Core §3.1.2.6.
    ResponseMode(ResponseModeError),
}

impl Rejection {
    /// The response, exactly as the wrapped type renders it.
    ///
    /// ```
    /// use oauth_errors::authorize::RedirectUriError;
    /// use oauth_errors::Rejection;
    ///
    /// let r = Rejection::from(RedirectUriError::Missing).to_response();
    /// let direct = RedirectUriError::Missing.to_error().response();
    /// assert_eq!((r.status(), r.headers(), r.body()), (direct.status(), direct.headers(), direct.body()));
    /// ```
    pub fn to_response(&self) -> Response<Bytes> {
        match self {
            Rejection::Error(e) => e.response(),
            Rejection::AuthenticationRequired(a) => a.to_response(),
            Rejection::Redirect(a) => a.to_response(),
            Rejection::ResponseMode(m) => m.to_response(),
        }
    }

    /// The HTTP status [`to_response`](Self::to_response) sends.
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
    /// use oauth_errors::{OAuthError, Rejection};
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let r = Rejection::from(AuthorizationError::new(OAuthError::AccessDenied, uri));
    /// assert_eq!(r.status(), 303);
    /// assert_eq!(Rejection::from(OAuthError::InvalidToken).status(), 401);
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    pub fn status(&self) -> StatusCode {
        match self {
            Rejection::Error(e) => e.resolve_status(e.effective_endpoint()),
            Rejection::AuthenticationRequired(_) => StatusCode::UNAUTHORIZED,
            Rejection::Redirect(a) => a.response_status(),
            Rejection::ResponseMode(_) => StatusCode::BAD_REQUEST,
        }
    }

    /// The error response inside, if any (the redirected one for
    /// [`Redirect`](Self::Redirect)).
    ///
    /// ```
    /// use oauth_errors::{OAuthError, Rejection};
    /// let r = Rejection::from(OAuthError::InvalidToken);
    /// assert_eq!(r.error().map(|e| e.code()), Some(&OAuthError::InvalidToken));
    /// ```
    pub fn error(&self) -> Option<&ErrorResponse> {
        match self {
            Rejection::Error(e) => Some(e),
            Rejection::Redirect(a) => Some(a.error()),
            Rejection::AuthenticationRequired(_) | Rejection::ResponseMode(_) => None,
        }
    }

    /// What logging middleware sees of this rejection (see [`ErrorReport`]); `None` for the
    /// two responses without an error code ([`AuthenticationRequired`](Self::AuthenticationRequired),
    /// [`ResponseMode`](Self::ResponseMode)).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError, Rejection};
    /// let report = Rejection::from(OAuthError::InvalidToken).report().unwrap();
    /// assert_eq!((report.status().as_u16(), report.endpoint()), (401, Endpoint::Resource));
    /// ```
    pub fn report(&self) -> Option<ErrorReport> {
        match self {
            Rejection::Error(e) => Some(e.report()),
            Rejection::Redirect(a) => Some(a.report()),
            Rejection::AuthenticationRequired(_) | Rejection::ResponseMode(_) => None,
        }
    }
}

impl<E: Into<ErrorResponse>> From<E> for Rejection {
    fn from(e: E) -> Self {
        Rejection::Error(e.into())
    }
}

impl From<AuthenticationRequired> for Rejection {
    fn from(a: AuthenticationRequired) -> Self {
        Rejection::AuthenticationRequired(a)
    }
}

impl From<AuthorizationError> for Rejection {
    fn from(a: AuthorizationError) -> Self {
        Rejection::Redirect(Box::new(a))
    }
}

impl From<ResponseModeError> for Rejection {
    fn from(m: ResponseModeError) -> Self {
        Rejection::ResponseMode(m)
    }
}

impl fmt::Display for Rejection {
    /// The wrapped type's `Display` (never an internal cause).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Error(e) => fmt::Display::fmt(e, f),
            Rejection::AuthenticationRequired(a) => fmt::Display::fmt(a, f),
            Rejection::Redirect(a) => fmt::Display::fmt(a, f),
            Rejection::ResponseMode(m) => fmt::Display::fmt(m, f),
        }
    }
}

impl std::error::Error for Rejection {
    /// The internal cause of the error inside, if any.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error().and_then(|e| e.cause()).map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl fmt::Display for AuthenticationRequired {
    /// `authentication required` and the challenges' schemes.
    ///
    /// ```
    /// use oauth_errors::{AuthenticationRequired, Challenge};
    /// let a = AuthenticationRequired::new(Challenge::bearer()).and(Challenge::dpop());
    /// assert_eq!(a.to_string(), "authentication required (Bearer, DPoP)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("authentication required (")?;
        for (i, c) in self.challenges().iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(c.scheme().as_str())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for AuthenticationRequired {}

impl fmt::Display for AuthorizationError {
    /// The error's `Display` (`code` or `code: description`).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let e = AuthorizationError::new(OAuthError::AccessDenied.with_description("no"), uri);
    /// assert_eq!(e.to_string(), "access_denied: no");
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.error(), f)
    }
}

impl std::error::Error for AuthorizationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error().cause().map(|c| c as &(dyn std::error::Error + 'static))
    }
}

/// The direct 400 ([`RedirectUriError::to_error`](crate::authorize::RedirectUriError::to_error)),
/// so `?` works on [`verify_redirect_uri`](crate::authorize::verify_redirect_uri) in a
/// handler returning `ErrorResponse` or [`Rejection`].
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, RedirectUriError};
/// use oauth_errors::ErrorResponse;
///
/// fn check(uri: &str) -> Result<(), ErrorResponse> {
///     verify_redirect_uri(Some(uri), &["https://client.example.com/cb"])?;
///     Ok(())
/// }
/// let err = check("https://evil.example/cb").unwrap_err();
/// assert_eq!(err, RedirectUriError::NotRegistered.to_error());
/// assert_eq!(err.response().status(), 400);
/// ```
impl From<crate::render::authorize::RedirectUriError> for ErrorResponse {
    fn from(e: crate::render::authorize::RedirectUriError) -> Self {
        e.to_error()
    }
}

impl AuthorizationError {
    /// The status of [`to_response`](Self::to_response): the redirect status, 200 for
    /// `form_post`, or the direct error's status for a code that is never redirected.
    pub(crate) fn response_status(&self) -> StatusCode {
        if !self.redirects() {
            return self.error().resolve_status(Endpoint::Authorization);
        }
        match self.location() {
            Some(_) => self.redirect_status_code(),
            None => StatusCode::OK,
        }
    }
}
