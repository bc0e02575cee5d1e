//! [`ErrorReport`]: what logging middleware needs to know about a rendered error.

use core::fmt;
use std::error::Error as StdError;
use std::sync::Arc;

use http::StatusCode;

use crate::render::authorize::AuthorizationError;
use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::error::ErrorResponse;
use crate::wire::text::ErrorText;

/// What logging middleware needs to know about an error response: the code, status,
/// endpoint, description and the **internal cause**, shareable (`Arc`) so it survives the
/// handler.
///
/// The axum and actix-web integrations put one into the **response extensions** of every
/// error response they render — [`ErrorResponse`], [`OAuthError`], [`AuthorizationError`]
/// (redirected or not), `RedirectUriError` and [`Rejection`](crate::Rejection) — so
/// `tower_http::trace::TraceLayer`, actix-web middleware (`wrap_fn`, `Logger` with a
/// custom field) or any layer of your own can log the cause that never goes on the wire.
/// Responses without an error code — [`AuthenticationRequired`](crate::AuthenticationRequired)
/// and `ResponseModeError`'s plain 400 — carry none.
///
/// Framework-free services get one from [`ErrorResponse::report`].
///
/// ```
/// use oauth_errors::{Endpoint, OAuthError};
///
/// let err = OAuthError::ServerError.with_cause(std::io::Error::other("db connection refused"));
/// let report = err.report();
/// assert_eq!(report.code(), &OAuthError::ServerError);
/// assert_eq!((report.status().as_u16(), report.endpoint()), (500, Endpoint::Token));
/// assert_eq!(report.cause().map(|c| c.to_string()).as_deref(), Some("db connection refused"));
/// assert_eq!(report.to_string(), "server_error (500 at token); cause: db connection refused");
/// ```
#[derive(Clone)]
pub struct ErrorReport {
    code: OAuthError,
    status: StatusCode,
    endpoint: Endpoint,
    description: Option<ErrorText>,
    cause: Option<Arc<dyn StdError + Send + Sync + 'static>>,
    redirected: bool,
}

impl ErrorReport {
    /// The code.
    pub fn code(&self) -> &OAuthError {
        &self.code
    }

    /// The error's HTTP status at its endpoint. For an error delivered by redirect this is
    /// the status the code stands for (500 for `server_error`), not the redirect's 303: a
    /// redirected server failure is still a server failure.
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let report = AuthorizationError::new(OAuthError::ServerError, uri).report();
    /// assert!(report.redirected());
    /// assert_eq!(report.status().as_u16(), 500);
    /// assert!(report.is_server_error());
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The endpoint it was rendered at.
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// `error_description`, if any.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// let report = OAuthError::InvalidGrant.with_description("code expired").report();
    /// assert_eq!(report.description().map(|d| d.as_str()), Some("code expired"));
    /// ```
    pub fn description(&self) -> Option<&ErrorText> {
        self.description.as_ref()
    }

    /// The internal cause, if any (see the [type-level example](ErrorReport)).
    pub fn cause(&self) -> Option<&(dyn StdError + Send + Sync + 'static)> {
        self.cause.as_deref()
    }

    /// The internal cause as a shared handle, to keep beyond the response.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// let report = OAuthError::ServerError.with_cause(std::io::Error::other("disk full")).report();
    /// let cause = report.shared_cause().unwrap();
    /// drop(report);
    /// assert_eq!(cause.to_string(), "disk full");
    /// ```
    pub fn shared_cause(&self) -> Option<Arc<dyn StdError + Send + Sync + 'static>> {
        self.cause.clone()
    }

    /// Whether the error was delivered to the client's redirect URI (example at
    /// [`status`](Self::status)).
    pub fn redirected(&self) -> bool {
        self.redirected
    }

    /// Whether [`status`](Self::status) is 5xx: a server failure, to log at error level.
    pub fn is_server_error(&self) -> bool {
        self.status.is_server_error()
    }
}

impl fmt::Display for ErrorReport {
    /// `code (status at endpoint)`, then `: description`, then `; cause: …` with the cause's
    /// whole `source()` chain — for logs only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} at {}", self.code, self.status.as_u16(), self.endpoint)?;
        if self.redirected {
            f.write_str(", redirected")?;
        }
        f.write_str(")")?;
        if let Some(d) = &self.description {
            write!(f, ": {d}")?;
        }
        let mut next = self.cause.as_deref().map(|c| c as &(dyn StdError + 'static));
        let mut first = true;
        while let Some(c) = next {
            f.write_str(if first { "; cause: " } else { ": " })?;
            first = false;
            write!(f, "{c}")?;
            next = c.source();
        }
        Ok(())
    }
}

impl fmt::Debug for ErrorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorReport")
            .field("code", &self.code.as_str())
            .field("status", &self.status.as_u16())
            .field("endpoint", &self.endpoint)
            .field("description", &self.description)
            .field("cause", &self.cause)
            .field("redirected", &self.redirected)
            .finish()
    }
}

impl ErrorResponse {
    /// The [`ErrorReport`] of this error at its endpoint, as the framework integrations put
    /// it into response extensions (see the [`ErrorReport`] example).
    pub fn report(&self) -> ErrorReport {
        let endpoint = self.effective_endpoint();
        report(self, endpoint, self.resolve_status(endpoint), false)
    }
}

impl AuthorizationError {
    /// The [`ErrorReport`] of this error at [`Endpoint::Authorization`]
    /// ([`redirected`](ErrorReport::redirected) unless the code is never redirected;
    /// example at [`ErrorReport::status`]).
    pub fn report(&self) -> ErrorReport {
        let err = self.error();
        let status = err.resolve_status(Endpoint::Authorization);
        report(err, Endpoint::Authorization, status, self.redirects())
    }
}

fn report(
    err: &ErrorResponse,
    endpoint: Endpoint,
    status: StatusCode,
    redirected: bool,
) -> ErrorReport {
    ErrorReport {
        code: err.code().clone(),
        status,
        endpoint,
        description: err.description().cloned(),
        cause: err.details().and_then(|d| d.cause.clone()),
        redirected,
    }
}
