//! Authorization responses as a client receives them: the redirect's query or fragment,
//! or a `form_post` body, checked against the `state` the client sent and the issuer it
//! expects (RFC 6749 §10.12, RFC 9207 §2.4).

use crate::client::dialect::Dialect;
use crate::client::parse::{MAX_BODY_LEN, ParseError, form_decode, response_parameters};
use crate::client::response::{Received, ReceivedCode};
use crate::wire::error::ErrorResponse;

/// What a client expects of an authorization response: the `state` it sent and the
/// issuer it sent the request to.
///
/// * **`state`** is compared exactly with the one sent ([`new`](Self::new)): a different
///   or missing `state`, or one where none was sent, is [`RedirectError`] — the response
///   does not answer this client's request (RFC 6749 §10.12).
/// * **`iss`** (RFC 9207): with [`issuer`](Self::issuer), an `iss` that is present must
///   equal it exactly (simple string comparison, RFC 9207 §2.4); with
///   [`require_issuer`](Self::require_issuer) — for servers whose metadata advertises
///   `authorization_response_iss_parameter_supported` — it must also be present. A
///   mismatch is an error the client must not ignore, for error responses too: such an
///   error may come from another authorization server (a mix-up attack). Without either,
///   `iss` is not checked (it is still kept: [`ErrorResponse::received_iss`]).
///
/// The error or code is only handed out when every check passes.
///
/// ```
/// use oauth_errors::OAuthError;
/// use oauth_errors::parse::{Callback, ExpectedRedirect, RedirectError};
///
/// let expected = ExpectedRedirect::new(Some("xyz")).require_issuer("https://as.example.com");
///
/// let ok = "https://client.example.com/cb?error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com";
/// match expected.read(ok)? {
///     Callback::Error(err) => assert_eq!(err.code(), &OAuthError::AccessDenied),
///     other => panic!("{other:?}"),
/// }
///
/// let mixed_up = "https://client.example.com/cb?code=abc&state=xyz&iss=https%3A%2F%2Fevil.example";
/// assert_eq!(
///     expected.read(mixed_up),
///     Err(RedirectError::IssuerMismatch { received: "https://evil.example".into() })
/// );
/// assert_eq!(expected.read("https://client.example.com/cb?code=abc&state=xyz"), Err(RedirectError::IssuerMissing));
/// assert_eq!(
///     expected.read("https://client.example.com/cb?code=abc&state=other&iss=https%3A%2F%2Fas.example.com"),
///     Err(RedirectError::StateMismatch)
/// );
/// # Ok::<(), RedirectError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedRedirect {
    state: Option<String>,
    issuer: Option<String>,
    issuer_required: bool,
}

/// An authorization response that passed the checks of [`ExpectedRedirect`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Callback {
    /// Not an error: the `code` (absent for response types that return only tokens in the
    /// fragment).
    Success {
        /// The authorization code.
        code: Option<String>,
    },
    /// An error response, with its `state` and `iss`.
    Error(ErrorResponse),
}

impl Callback {
    /// The error, if this is one.
    ///
    /// ```
    /// use oauth_errors::parse::ExpectedRedirect;
    ///
    /// let cb = ExpectedRedirect::new(None).read("/cb?code=abc")?;
    /// assert!(cb.clone().into_error().is_none());
    /// assert_eq!(cb.code(), Some("abc"));
    /// # Ok::<(), oauth_errors::parse::RedirectError>(())
    /// ```
    pub fn into_error(self) -> Option<ErrorResponse> {
        match self {
            Callback::Error(e) => Some(e),
            Callback::Success { .. } => None,
        }
    }

    /// The authorization code of a success (see [`into_error`](Self::into_error)).
    pub fn code(&self) -> Option<&str> {
        match self {
            Callback::Success { code } => code.as_deref(),
            Callback::Error(_) => None,
        }
    }
}

/// Why an authorization response was rejected.
///
/// ```
/// use oauth_errors::parse::{ExpectedRedirect, ParseError, RedirectError};
///
/// let expected = ExpectedRedirect::new(Some("xyz"));
/// assert_eq!(expected.read("/cb?code=abc"), Err(RedirectError::StateMissing));
/// assert_eq!(expected.read("/cb?state=xyz"), Err(RedirectError::NotAnAuthorizationResponse));
/// assert!(matches!(
///     expected.read("/cb?error=bad%0Acode&state=xyz"),
///     Err(RedirectError::Malformed(ParseError::InvalidCode(_)))
/// ));
/// assert_eq!(
///     RedirectError::IssuerMissing.to_string(),
///     "the authorization response has no `iss` although the server advertises it (RFC 9207 §2.4)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedirectError {
    /// `state` differs from the one sent, came back although none was sent, or came back
    /// twice.
    #[error("the authorization response's `state` does not match the one sent")]
    StateMismatch,
    /// A `state` was sent and none came back.
    #[error("the authorization response has no `state` although one was sent")]
    StateMissing,
    /// `iss` is not the expected issuer (or came back twice: `received` is the second).
    #[error(
        "the authorization response comes from issuer {received:?}, not the expected one (RFC 9207 §2.4)"
    )]
    IssuerMismatch {
        /// The `iss` received.
        received: String,
    },
    /// `iss` is required ([`ExpectedRedirect::require_issuer`]) and absent.
    #[error(
        "the authorization response has no `iss` although the server advertises it (RFC 9207 §2.4)"
    )]
    IssuerMissing,
    /// Neither `error` nor `code` (nor a token).
    #[error("not an authorization response: no `error`, `code` or token parameter")]
    NotAnAuthorizationResponse,
    /// An `error` that cannot be read, or input over [`MAX_BODY_LEN`].
    #[error("unreadable authorization response: {0}")]
    Malformed(ParseError),
}

impl ExpectedRedirect {
    /// Expects the `state` the client sent (`None`, or empty: it sent none). Parameters
    /// with an empty value count as absent (RFC 6749 §3.1). `iss` is not checked
    /// until [`issuer`](Self::issuer) or [`require_issuer`](Self::require_issuer) is set.
    ///
    /// ```
    /// use oauth_errors::parse::{ExpectedRedirect, RedirectError};
    ///
    /// assert!(ExpectedRedirect::new(None).read("/cb?code=abc").is_ok());
    /// assert_eq!(ExpectedRedirect::new(None).read("/cb?code=abc&state=x"), Err(RedirectError::StateMismatch));
    /// ```
    pub fn new(state: Option<&str>) -> Self {
        // An empty value is no value (RFC 6749 §3.1; `state` is `1*VSCHAR`).
        let state = state.filter(|s| !s.is_empty()).map(str::to_owned);
        ExpectedRedirect { state, issuer: None, issuer_required: false }
    }

    /// Checks `iss` against `issuer` when the response carries one.
    ///
    /// ```
    /// use oauth_errors::parse::ExpectedRedirect;
    ///
    /// let expected = ExpectedRedirect::new(None).issuer("https://as.example.com");
    /// assert!(expected.read("/cb?code=abc").is_ok()); // absent: accepted
    /// assert!(expected.read("/cb?code=abc&iss=https%3A%2F%2Fas.example.com%2F").is_err()); // not the same string
    /// ```
    #[must_use]
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self.issuer_required = false;
        self
    }

    /// Requires `iss`, equal to `issuer`: for authorization servers whose metadata has
    /// `authorization_response_iss_parameter_supported: true` (RFC 9207 §3). See the
    /// [type-level example](Self).
    #[must_use]
    pub fn require_issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self.issuer_required = true;
        self
    }

    /// Reads the redirect URI the browser came back to (or its request target). An error is
    /// read where [`ErrorResponse::from_redirect`] reads it: the query, unless only the
    /// fragment holds `error` (a fragment a browser carried over cannot override the
    /// query). A success is read from the query when it holds response parameters, else
    /// from the fragment.
    ///
    /// # Errors
    ///
    /// [`RedirectError`] when a check fails or the response cannot be read.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// use oauth_errors::parse::ExpectedRedirect;
    ///
    /// let expected = ExpectedRedirect::new(Some("s1"));
    /// let err = expected.read("https://app.example/cb#error=login_required&state=s1")?.into_error().unwrap();
    /// assert_eq!(err.code(), &OAuthError::LoginRequired);
    /// assert_eq!(err.state().map(|s| s.as_str()), Some("s1"));
    /// // A query response with an empty fragment, and a hash route after the query:
    /// assert!(expected.read("https://app.example/cb?code=c&state=s1#").is_ok());
    /// assert!(expected.read("https://app.example/?code=c&state=s1#/home").is_ok());
    /// # Ok::<(), oauth_errors::parse::RedirectError>(())
    /// ```
    pub fn read(&self, uri: &str) -> Result<Callback, RedirectError> {
        if uri.len() > MAX_BODY_LEN {
            return Err(RedirectError::Malformed(ParseError::TooLarge(uri.len())));
        }
        // An error is read where `ErrorResponse::from_redirect` reads it (the query, unless
        // only the fragment holds `error`); a success from the query when it holds response
        // parameters, else from the fragment (implicit and hybrid response types).
        let chosen = response_parameters(uri);
        if Params::new(chosen).error {
            return self.check(chosen);
        }
        let (before, fragment) = uri.split_once('#').unwrap_or((uri, ""));
        let query = before.split_once('?').map_or("", |(_, q)| q);
        let params = if Params::new(query).is_authorization_response() { query } else { fragment };
        self.check(params)
    }

    /// Reads a `form_post` response: the `application/x-www-form-urlencoded` body the
    /// browser POSTed to the redirect URI (OAuth 2.0 Form Post Response Mode).
    ///
    /// # Errors
    ///
    /// As [`read`](Self::read); a body that is not UTF-8 is
    /// [`RedirectError::NotAnAuthorizationResponse`].
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// use oauth_errors::parse::ExpectedRedirect;
    ///
    /// let body = b"error=access_denied&error_description=Why%3F+Because.&state=a%3Fb";
    /// let err = ExpectedRedirect::new(Some("a?b")).read_form_post(body)?.into_error().unwrap();
    /// assert_eq!(err.code(), &OAuthError::AccessDenied);
    /// assert_eq!(err.description().map(|d| d.as_str()), Some("Why? Because."));
    /// # Ok::<(), oauth_errors::parse::RedirectError>(())
    /// ```
    pub fn read_form_post(&self, body: &[u8]) -> Result<Callback, RedirectError> {
        if body.len() > MAX_BODY_LEN {
            return Err(RedirectError::Malformed(ParseError::TooLarge(body.len())));
        }
        let text =
            core::str::from_utf8(body).map_err(|_| RedirectError::NotAnAuthorizationResponse)?;
        self.check(text.trim_end_matches(['\r', '\n']))
    }

    fn check(&self, params: &str) -> Result<Callback, RedirectError> {
        let p = Params::new(params);
        if let Some(expected) = &self.issuer {
            if let Some(second) = p.repeated_iss {
                return Err(RedirectError::IssuerMismatch { received: second });
            }
            match &p.iss {
                Some(iss) if iss != expected => {
                    return Err(RedirectError::IssuerMismatch { received: iss.clone() });
                }
                None if self.issuer_required => return Err(RedirectError::IssuerMissing),
                _ => {}
            }
        }
        if p.repeated_state {
            return Err(RedirectError::StateMismatch);
        }
        match (&self.state, &p.state) {
            (Some(sent), Some(got)) if sent != got => return Err(RedirectError::StateMismatch),
            (Some(_), None) => return Err(RedirectError::StateMissing),
            (None, Some(_)) => return Err(RedirectError::StateMismatch),
            _ => {}
        }
        if p.error {
            // Encoded so that the parameter list is read as a whole (a `form_post` body).
            let component = params
                .replace('?', "%3F")
                .replace('#', "%23")
                .replace(':', "%3A")
                .replace('/', "%2F");
            let (mut err, iss) =
                ErrorResponse::from_redirect(&component).map_err(RedirectError::Malformed)?;
            err.set_received(Received {
                status: None,
                code: ReceivedCode::Same,
                dialect: Dialect::Redirect,
                raw_body: None,
                iss,
            });
            return Ok(Callback::Error(err));
        }
        if p.code.is_some() || p.token {
            return Ok(Callback::Success { code: p.code });
        }
        Err(RedirectError::NotAnAuthorizationResponse)
    }
}

/// The authorization-response parameters that decide the checks (first occurrence wins).
struct Params {
    error: bool,
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    token: bool,
    /// `state` or `iss` appeared more than once (RFC 6749 §3.1 forbids it).
    repeated_state: bool,
    repeated_iss: Option<String>,
}

impl Params {
    fn new(params: &str) -> Params {
        let mut p = Params {
            error: false,
            code: None,
            state: None,
            iss: None,
            token: false,
            repeated_state: false,
            repeated_iss: None,
        };
        for pair in params.split('&').filter(|s| !s.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if v.is_empty() {
                // Empty values count as absent (RFC 6749 §3.1).
                continue;
            }
            match form_decode(k).as_str() {
                "error" => p.error = true,
                "code" if p.code.is_none() => p.code = Some(form_decode(v)),
                "state" if p.state.is_none() => p.state = Some(form_decode(v)),
                "state" => p.repeated_state = true,
                "iss" if p.iss.is_none() => p.iss = Some(form_decode(v)),
                "iss" => p.repeated_iss = Some(form_decode(v)),
                "access_token" | "id_token" => p.token = true,
                _ => {}
            }
        }
        p
    }

    fn is_authorization_response(&self) -> bool {
        self.error || self.code.is_some() || self.state.is_some() || self.token
    }
}
