//! Reading a whole response: status, headers and body in, one [`ErrorResponse`] out.
//!
//! See [`ResponseReader`] for the rules, and the crate documentation's "Reading errors as
//! a client" for a tour.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::header::{CONTENT_TYPE, LOCATION, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderMap, Response, StatusCode};
use serde_json::Value;

use crate::client::dialect::{self, Dialect, Shape};
use crate::client::parse::{MAX_BODY_LEN, ParseError, form_decode, json_members, plain_body};
use crate::taxonomy::code::{ClientAction, OAuthError};
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::challenge::{
    Challenge, ClientAuth, DpopNonce, ParsedChallenge, Scheme, Scope, parse_challenges,
};
use crate::wire::error::ErrorResponse;
use crate::wire::headers::{DPOP_NONCE, RetryAfter};
use crate::wire::text::{ErrorText, ErrorUri};

/// How an error was received: kept on the [`ErrorResponse`] by the client-side readers,
/// read back with [`ErrorResponse::received_status`], [`received_code`](ErrorResponse::received_code),
/// [`dialect`](ErrorResponse::dialect), [`raw_body`](ErrorResponse::raw_body) and
/// [`received_iss`](ErrorResponse::received_iss).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Received {
    pub(crate) status: Option<StatusCode>,
    pub(crate) code: ReceivedCode,
    pub(crate) dialect: Dialect,
    pub(crate) raw_body: Option<Bytes>,
    pub(crate) iss: Option<String>,
}

/// The code exactly as received.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ReceivedCode {
    /// The response carried none: the code was inferred.
    Absent,
    /// The error's own code (nothing to keep apart, nothing allocated).
    Same,
    /// Another string, which the error's code was mapped from.
    Other(String),
}

impl ReceivedCode {
    /// `received` as kept beside the error's `code`.
    pub(crate) fn of(received: Option<&str>, code: &OAuthError) -> ReceivedCode {
        match received {
            None => ReceivedCode::Absent,
            Some(r) if r == code.as_str() => ReceivedCode::Same,
            Some(r) => ReceivedCode::Other(r.to_owned()),
        }
    }
}

/// Reads errors from whole responses, in any [`Dialect`].
///
/// `ResponseReader::new()` (also [`ErrorResponse::from_http_parts`] and
/// [`ErrorResponse::from_http_response`]) recognises the dialect automatically;
/// [`dialect`](Self::dialect) forces one, and [`endpoint`](Self::endpoint) says where the
/// response came from, which decides the code of a response that carries none.
///
/// # What is an error
///
/// * **4xx and 5xx** are always errors, whatever the body.
/// * **2xx** is an error only when the body says so: an `error` member (GitHub answers
///   token requests with 200 and an RFC 6749 error body), `"ok": false` (Slack),
///   `"success": false`, an Okta `errorCode`, a problem document, a stated status of 400 or
///   more. Anything else, such as a token response, is **not an error** (`None`), never a
///   failure.
/// * **3xx** is an error when its `Location` carries authorization-error parameters
///   (RFC 6749 §4.1.2.1); any other redirect is not an error.
/// * **1xx** is not an error.
///
/// # What the error carries
///
/// The code, description, URI and every other member, per [`Dialect`]; every
/// `WWW-Authenticate` challenge ([`ErrorResponse::challenges`], or
/// [`ErrorResponse::client_auth`] for the `Basic` challenge of a 401 `invalid_client`);
/// `Retry-After` (seconds or any HTTP-date form); `DPoP-Nonce` (when it is a valid nonce);
/// the `Allow` methods of a 405;
/// the HTTP status, the dialect and the code as received; the raw body when nothing in it
/// could be recognised; the endpoint given with [`endpoint`](Self::endpoint)
/// ([`ErrorResponse::endpoint`]). Bodies over [`MAX_BODY_LEN`] are not parsed (their first
/// [`MAX_BODY_LEN`] bytes are kept as the raw body); a JSON body that fails to parse only
/// because of a trailing comma before `}` or `]` (as some providers' documentation shows)
/// is read without it; a body that repeats `error`, `error_description` or `error_uri` is
/// refused as [`ErrorResponse::from_json`] refuses it (an error all the same, with the
/// code its status stands for, and the raw body); malformed challenge values are skipped.
///
/// # Body or challenge: which wins
///
/// A code this crate knows (a registered code, or a vendor code mapped by
/// [`VENDOR_CODES`](crate::parse::VENDOR_CODES)) beats one it does not; between two known
/// codes, or two unknown ones, **the body wins**. The body is the richer channel — exact
/// Unicode text and extra members, where header values are ASCII-only copies — and the one
/// RFC 6749 §5.2 defines; RFC 6750 §3 puts the error in the challenge because resource
/// servers need not send a body, which is the case the challenge covers (it names the
/// code when the body names none). The description and URI are the body's, unless the
/// challenge's code won over a *different* body code (then they are the challenge's);
/// what the body lacks is taken from a challenge naming the same code. Every challenge is
/// kept either way ([`ErrorResponse::challenges`], without its error parameters).
///
/// # The code when none was received
///
/// Inferred from the status (and the endpoint, and the challenge's scheme), so that every
/// error has an [action](ErrorResponse::action); [`ErrorResponse::received_code`] is then
/// `None`:
///
/// | Status | Code |
/// |---|---|
/// | 401 at an endpoint that authenticates clients, or with a `Basic` challenge | `invalid_client` (RFC 6749 §5.2) |
/// | 401 otherwise | `invalid_token` (RFC 6750 §3.1) |
/// | 403 at [`Endpoint::Resource`] | `insufficient_scope` (RFC 6750 §3.1) |
/// | 403 at [`Endpoint::Api`] | `invalid_permission` |
/// | 403 otherwise | `access_denied` |
/// | 405 | `method_not_allowed` |
/// | 429 | `too_many_requests` |
/// | 502, 503, 504 | `temporarily_unavailable` (a gateway or the service is down: RFC 9110 §15.6) |
/// | other 5xx | `server_error` |
/// | other 4xx, or an error with a 2xx status | `invalid_request` (RFC 6749 §5.2) |
///
/// ```
/// use http::{HeaderMap, HeaderValue, StatusCode};
/// use oauth_errors::{ClientAction, Endpoint, OAuthError, RetryAfter};
/// use oauth_errors::parse::{Dialect, ResponseReader};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("www-authenticate", HeaderValue::from_static(r#"Bearer realm="api", error="invalid_token""#));
/// headers.insert("retry-after", HeaderValue::from_static("30"));
/// let reader = ResponseReader::new().endpoint(Endpoint::Resource);
/// let err = reader
///     .read(StatusCode::UNAUTHORIZED, &headers, br#"{"message":"Unauthenticated."}"#)
///     .expect("a 401 is an error");
/// assert_eq!(err.code(), &OAuthError::InvalidToken); // from the challenge
/// assert_eq!(err.description().map(|d| d.as_str()), Some("Unauthenticated."));
/// assert_eq!(err.dialect(), Some(Dialect::Message));
/// assert_eq!(err.received_status(), Some(StatusCode::UNAUTHORIZED));
/// assert_eq!(err.realm(), Some("api"));
/// assert_eq!(err.retry_after(), Some(RetryAfter::Seconds(30)));
/// assert_eq!(err.action(), ClientAction::Reauthenticate);
///
/// // A token response is not an error:
/// assert!(reader.read(StatusCode::OK, &HeaderMap::new(), br#"{"access_token":"x"}"#).is_none());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResponseReader {
    dialect: Option<Dialect>,
    endpoint: Option<Endpoint>,
}

impl ResponseReader {
    /// A reader that recognises the dialect and knows no endpoint.
    ///
    /// ```
    /// use oauth_errors::parse::ResponseReader;
    /// assert_eq!(ResponseReader::new(), ResponseReader::default());
    /// ```
    pub const fn new() -> Self {
        ResponseReader { dialect: None, endpoint: None }
    }

    /// Reads every body as `dialect` instead of recognising it; a body that does not fit
    /// reads as [`Dialect::Unrecognised`]. [`Dialect::Rfc6749`] reads plain RFC 6749 bodies
    /// and maps no vendor code; [`Dialect::Challenge`] and [`Dialect::Unrecognised`]
    /// ignore the body.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    /// use oauth_errors::parse::{Dialect, ResponseReader};
    ///
    /// let body = br#"{"error":"bad_verification_code"}"#;
    /// let auto = ResponseReader::new().read_body(body)?;
    /// assert_eq!(auto.code(), &OAuthError::InvalidGrant);
    /// let plain = ResponseReader::new().dialect(Dialect::Rfc6749).read_body(body)?;
    /// assert_eq!(plain.code(), &OAuthError::from_code("bad_verification_code")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = Some(dialect);
        self
    }

    /// The endpoint the responses come from: decides the code of a response that carries
    /// none (see the [type-level table](Self)), and is set on the error
    /// ([`ErrorResponse::at`]) so that it renders again as received.
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{Endpoint, OAuthError};
    /// use oauth_errors::parse::ResponseReader;
    ///
    /// let read = |e| ResponseReader::new().endpoint(e).read(StatusCode::UNAUTHORIZED, &HeaderMap::new(), b"");
    /// assert_eq!(read(Endpoint::Token).unwrap().code(), &OAuthError::InvalidClient);
    /// assert_eq!(read(Endpoint::Resource).unwrap().code(), &OAuthError::InvalidToken);
    /// assert_eq!(read(Endpoint::Resource).unwrap().endpoint(), Some(Endpoint::Resource));
    /// ```
    #[must_use]
    pub const fn endpoint(mut self, endpoint: Endpoint) -> Self {
        self.endpoint = Some(endpoint);
        self
    }

    /// Reads a response from its parts: `Some(error)`, or `None` when the response is not
    /// an error (see the [type-level docs](Self)). Never fails and never panics.
    ///
    /// With reqwest (or any client on `http` 1.x):
    ///
    /// ```no_run
    /// # async fn call(client: reqwest::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use oauth_errors::parse::ResponseReader;
    /// use oauth_errors::Endpoint;
    ///
    /// let response = client.post("https://as.example.com/token").form(&[("grant_type", "client_credentials")]).send().await?;
    /// let (status, headers) = (response.status(), response.headers().clone());
    /// let body = response.bytes().await?;
    /// if let Some(err) = ResponseReader::new().endpoint(Endpoint::Token).read(status, &headers, &body) {
    ///     return Err(err.into());
    /// }
    /// // … parse the token response from `body`
    /// # Ok(()) }
    /// ```
    pub fn read(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Option<ErrorResponse> {
        read_parts(self, status, headers, body)
    }

    /// Reads an `http::Response` whose body is bytes (`Bytes`, `Vec<u8>`, `String`, …),
    /// as [`read`](Self::read).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    /// use oauth_errors::parse::ResponseReader;
    ///
    /// let sent = OAuthError::SlowDown.with_description("poll less");
    /// let received = ResponseReader::new().read_response(&sent.to_response(Endpoint::Token));
    /// assert_eq!(received.as_ref().map(|e| e.code()), Some(&OAuthError::SlowDown));
    /// ```
    pub fn read_response<B: AsRef<[u8]>>(&self, response: &Response<B>) -> Option<ErrorResponse> {
        read_parts(self, response.status(), response.headers(), response.body().as_ref())
    }

    /// Reads a body alone (JSON, or `application/x-www-form-urlencoded` when it is not
    /// JSON), as when the status and headers are gone. Without a status, a body that names
    /// no code gets one only from a status it states itself (Twitch, problem documents,
    /// nested error objects); otherwise it is [`ParseError::MissingError`].
    ///
    /// # Errors
    ///
    /// [`ParseError`]: too large, neither JSON nor a form, not an object, no code, or a
    /// code outside the RFC 6749 §8.5 charset.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// use oauth_errors::parse::{ParseError, ResponseReader};
    ///
    /// let reader = ResponseReader::new();
    /// let err = reader.read_body(br#"{"status":400,"message":"Invalid refresh token"}"#)?;
    /// assert_eq!(err.code(), &OAuthError::InvalidGrant); // Twitch's documented message
    /// let form = reader.read_body(b"error=bad_verification_code&error_description=expired")?;
    /// assert_eq!(form.code(), &OAuthError::InvalidGrant); // GitHub, form-encoded
    /// assert_eq!(reader.read_body(br#"{"message":"no"}"#), Err(ParseError::MissingError));
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn read_body(&self, body: &[u8]) -> Result<ErrorResponse, ParseError> {
        match read_body_plain(self, body) {
            Some(err) => Ok(err),
            None => read_body_general(self, body),
        }
    }
}

impl ErrorResponse {
    /// Reads a whole response from its parts with [`ResponseReader::new`]: `Some(error)`,
    /// or `None` when the response is not an error.
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{ErrorResponse, OAuthError};
    /// use oauth_errors::parse::Dialect;
    ///
    /// // GitHub answers a bad code with 200 and an error body:
    /// let body = br#"{"error":"bad_verification_code","error_description":"The code is wrong or expired."}"#;
    /// let err = ErrorResponse::from_http_parts(StatusCode::OK, &HeaderMap::new(), body).expect("an error");
    /// assert_eq!(err.code(), &OAuthError::InvalidGrant);
    /// assert_eq!(err.received_code(), Some("bad_verification_code"));
    /// assert_eq!(err.dialect(), Some(Dialect::GitHub));
    /// assert_eq!(err.received_status(), Some(StatusCode::OK));
    /// ```
    pub fn from_http_parts(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Option<ErrorResponse> {
        ResponseReader::new().read(status, headers, body)
    }

    /// Reads an `http::Response` with [`ResponseReader::new`].
    ///
    /// ```
    /// use oauth_errors::{Challenge, Endpoint, ErrorResponse, OAuthError};
    ///
    /// let sent = OAuthError::InsufficientScope
    ///     .with_description("needs write")
    ///     .with_challenge(Challenge::bearer().realm("api").scope("write"));
    /// let err = ErrorResponse::from_http_response(&sent.to_response(Endpoint::Resource)).unwrap();
    /// assert_eq!(err, sent);
    /// assert_eq!(err.scope().as_ref().map(|s| s.as_str()), Some("write"));
    /// ```
    pub fn from_http_response<B: AsRef<[u8]>>(response: &Response<B>) -> Option<ErrorResponse> {
        ResponseReader::new().read_response(response)
    }

    /// Reads a body alone in any [dialect](Dialect), JSON or form-urlencoded, with
    /// [`ResponseReader::read_body`]. RFC 6749 bodies read as with
    /// [`from_json`](Self::from_json), plus vendor-code mapping and
    /// [`dialect`](Self::dialect).
    ///
    /// # Errors
    ///
    /// As [`ResponseReader::read_body`].
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let fb = br#"{"error":{"message":"Session expired","type":"OAuthException","code":190,"fbtrace_id":"A1"}}"#;
    /// let err = ErrorResponse::from_body(fb)?;
    /// assert_eq!(err.code(), &OAuthError::InvalidToken);
    /// assert_eq!(err.received_code(), Some("190"));
    /// assert_eq!(err.member("fbtrace_id").map(|v| v.to_json()), Some("A1".into()));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn from_body(body: &[u8]) -> Result<ErrorResponse, ParseError> {
        ResponseReader::new().read_body(body)
    }

    pub(crate) fn received(&self) -> Option<&Received> {
        self.details().and_then(|d| d.received.as_ref())
    }

    pub(crate) fn set_received(&mut self, received: Received) {
        self.details_mut().received = Some(received);
    }

    /// The HTTP status the error arrived with (`None` for errors not read from a
    /// response: built here, or read from a body or redirect alone).
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let err = ErrorResponse::from_http_parts(StatusCode::BAD_GATEWAY, &HeaderMap::new(), b"<html>").unwrap();
    /// assert_eq!(err.received_status(), Some(StatusCode::BAD_GATEWAY));
    /// assert_eq!(ErrorResponse::from(OAuthError::InvalidGrant).received_status(), None);
    /// ```
    pub fn received_status(&self) -> Option<StatusCode> {
        self.received().and_then(|r| r.status)
    }

    /// The `error` code exactly as received, before any vendor mapping (`Some("190")` for
    /// a Facebook Graph error read as `invalid_token`); `None` when the response carried
    /// no code and [`code`](Self::code) was inferred. For an error that was not read by
    /// the client half, the code itself.
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let err = ErrorResponse::from_http_parts(StatusCode::TOO_MANY_REQUESTS, &HeaderMap::new(), b"").unwrap();
    /// assert_eq!(err.code(), &OAuthError::TooManyRequests);
    /// assert_eq!(err.received_code(), None); // inferred from the status
    /// assert_eq!(ErrorResponse::from(OAuthError::SlowDown).received_code(), Some("slow_down"));
    /// ```
    pub fn received_code(&self) -> Option<&str> {
        match self.received().map(|r| &r.code) {
            Some(ReceivedCode::Absent) => None,
            Some(ReceivedCode::Other(c)) => Some(c),
            Some(ReceivedCode::Same) | None => Some(self.code.as_str()),
        }
    }

    /// The dialect the error was read in (`None` for errors not read by the client half's
    /// dialect-aware readers).
    ///
    /// ```
    /// use oauth_errors::ErrorResponse;
    /// use oauth_errors::parse::Dialect;
    ///
    /// let okta = br#"{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorId":"oae1"}"#;
    /// assert_eq!(ErrorResponse::from_body(okta)?.dialect(), Some(Dialect::Okta));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn dialect(&self) -> Option<Dialect> {
        self.received().map(|r| r.dialect)
    }

    /// The body as received, when nothing in it could be recognised (an HTML error page,
    /// plain text, an unknown JSON shape), cut at [`MAX_BODY_LEN`] bytes.
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let err = ErrorResponse::from_http_parts(StatusCode::SERVICE_UNAVAILABLE, &HeaderMap::new(), b"<h1>down</h1>").unwrap();
    /// assert_eq!(err.code(), &OAuthError::TemporarilyUnavailable);
    /// assert_eq!(err.raw_body(), Some(&b"<h1>down</h1>"[..]));
    /// ```
    pub fn raw_body(&self) -> Option<&[u8]> {
        self.received().and_then(|r| r.raw_body.as_deref())
    }

    /// The `iss` parameter of an authorization response (RFC 9207), as received. Check it
    /// with [`ExpectedRedirect`](crate::parse::ExpectedRedirect).
    ///
    /// ```
    /// use oauth_errors::parse::ExpectedRedirect;
    ///
    /// let uri = "https://client.example.com/cb?error=access_denied&iss=https%3A%2F%2Fas.example.com";
    /// let err = ExpectedRedirect::new(None).read(uri)?.into_error().unwrap();
    /// assert_eq!(err.received_iss(), Some("https://as.example.com"));
    /// # Ok::<(), oauth_errors::parse::RedirectError>(())
    /// ```
    pub fn received_iss(&self) -> Option<&str> {
        self.received().and_then(|r| r.iss.as_deref())
    }

    /// The `scope` of the first challenge that names one (RFC 6750 §3: the scope an
    /// `insufficient_scope` error needs), else a `scope` body member.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let err = ErrorResponse::from_body(br#"{"error":"insufficient_scope","scope":"read write"}"#)?;
    /// assert_eq!(err.scope().as_ref().map(|s| s.as_str()), Some("read write"));
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn scope(&self) -> Option<Scope> {
        self.all_challenges().find_map(|c| c.get_scope().cloned()).or_else(|| {
            self.member("scope")
                .and_then(|v| v.as_str())
                .map(Scope::lossy)
                .filter(|s| !s.as_str().is_empty())
        })
    }

    /// The `realm` of the first challenge that names one (including the client
    /// authentication challenge).
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, StatusCode};
    /// use oauth_errors::ErrorResponse;
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("www-authenticate", HeaderValue::from_static(r#"Basic realm="as""#));
    /// let err = ErrorResponse::from_http_parts(StatusCode::UNAUTHORIZED, &headers, b"").unwrap();
    /// assert_eq!(err.realm(), Some("as"));
    /// ```
    pub fn realm(&self) -> Option<&str> {
        self.all_challenges().find_map(Challenge::get_realm)
    }

    fn all_challenges(&self) -> impl Iterator<Item = &Challenge> {
        let auth = match self.client_auth() {
            ClientAuth::Header(c) => Some(c),
            _ => None,
        };
        auth.into_iter().chain(self.challenges())
    }

    /// What a client should do: the table's [`ClientAction`] for a known code
    /// ([`OAuthError::action`]); for an extension code received with an error status, the
    /// action of the code that status implies (see [`ResponseReader`]: a vendor code sent
    /// with 429 or 503 is [`ClientAction::RetryLater`]); otherwise
    /// [`ClientAction::FixRequest`].
    ///
    /// ```
    /// use http::{HeaderMap, StatusCode};
    /// use oauth_errors::{ClientAction, ErrorResponse, OAuthError};
    ///
    /// assert_eq!(ErrorResponse::from(OAuthError::InsufficientScope).action(), ClientAction::RequestScope);
    /// let quota = ErrorResponse::from_http_parts(
    ///     StatusCode::TOO_MANY_REQUESTS, &HeaderMap::new(), br#"{"error":"acme_quota"}"#,
    /// ).unwrap();
    /// assert_eq!(quota.action(), ClientAction::RetryLater);
    /// ```
    pub fn action(&self) -> ClientAction {
        if self.code.is_known() {
            return self.code.action();
        }
        match self.received_status() {
            Some(s) if s.is_client_error() || s.is_server_error() => {
                infer_code(s, self.endpoint(), &[]).action()
            }
            _ => ClientAction::FixRequest,
        }
    }

    /// Whether retrying the same request later can succeed without changing it
    /// ([`action`](Self::action)`().is_retryable()`); wait [`retry_after`](Self::retry_after)
    /// first when it is set.
    ///
    /// ```
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// assert!(ErrorResponse::from(OAuthError::TemporarilyUnavailable).is_retryable());
    /// assert!(!ErrorResponse::from(OAuthError::ServerError).is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        self.action().is_retryable()
    }

    /// For device (RFC 8628) and CIBA polling: the interval to wait before the next poll,
    /// given the `current` one. `authorization_pending` keeps it; `slow_down` adds 5 seconds
    /// (RFC 8628 §3.5, CIBA §11), or uses the server's `interval` member when that is
    /// longer (GitHub sends the new interval); any other code ends polling (`None`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let five = Duration::from_secs(5);
    /// assert_eq!(ErrorResponse::from(OAuthError::SlowDown).next_poll_interval(five), Some(Duration::from_secs(10)));
    /// assert_eq!(ErrorResponse::from(OAuthError::AuthorizationPending).next_poll_interval(five), Some(five));
    /// let github = ErrorResponse::from_body(br#"{"error":"slow_down","interval":15}"#)?;
    /// assert_eq!(github.next_poll_interval(five), Some(Duration::from_secs(15)));
    /// assert_eq!(ErrorResponse::from(OAuthError::ExpiredToken).next_poll_interval(five), None);
    /// # Ok::<(), oauth_errors::parse::ParseError>(())
    /// ```
    pub fn next_poll_interval(&self, current: Duration) -> Option<Duration> {
        match self.action() {
            ClientAction::KeepPolling => Some(current),
            ClientAction::SlowDown => {
                let plus_five = current.saturating_add(Duration::from_secs(5));
                let stated = self
                    .member("interval")
                    .and_then(|v| v.to_json().as_u64())
                    .map(Duration::from_secs)
                    .unwrap_or_default();
                Some(plus_five.max(stated))
            }
            _ => None,
        }
    }

    /// How long to wait before retrying, from `Retry-After` relative to `now` (`None`
    /// without `Retry-After`; a date in the past is zero).
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use oauth_errors::{ErrorResponse, OAuthError};
    ///
    /// let now = SystemTime::now();
    /// let err = OAuthError::TooManyRequests.with_retry_after(now + Duration::from_secs(90));
    /// assert!(err.retry_delay(now).is_some_and(|d| d.as_secs() >= 89));
    /// assert_eq!(ErrorResponse::from(OAuthError::TooManyRequests).retry_delay(now), None);
    /// ```
    pub fn retry_delay(&self, now: SystemTime) -> Option<Duration> {
        self.retry_after().map(|r| match r {
            RetryAfter::Seconds(s) => Duration::from_secs(s),
            RetryAfter::At(t) => t.duration_since(now).unwrap_or_default(),
        })
    }
}

/// The code a response that carries none stands for (see [`ResponseReader`]).
pub(crate) fn infer_code(
    status: StatusCode,
    endpoint: Option<Endpoint>,
    challenges: &[ParsedChallenge],
) -> OAuthError {
    let basic = challenges.iter().any(|c| c.scheme.eq_ignore_ascii_case("basic"));
    match status.as_u16() {
        401 if basic || endpoint.is_some_and(Endpoint::authenticates_clients) => {
            OAuthError::InvalidClient
        }
        401 => OAuthError::InvalidToken,
        403 => match endpoint {
            Some(Endpoint::Resource) => OAuthError::InsufficientScope,
            Some(Endpoint::Api) => OAuthError::InvalidPermission,
            _ => OAuthError::AccessDenied,
        },
        405 => OAuthError::MethodNotAllowed,
        429 => OAuthError::TooManyRequests,
        502..=504 => OAuthError::TemporarilyUnavailable,
        500..=599 => OAuthError::ServerError,
        _ => OAuthError::InvalidRequest,
    }
}

/// The media type of `Content-Type`, without parameters (compare it case-insensitively).
fn content_type(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or("").trim())
}

fn is_type(ct: Option<&str>, media: &str) -> bool {
    ct.is_some_and(|c| c.eq_ignore_ascii_case(media))
}

/// A form body's parameters, when `body` is `name=value&…` text with an `error`,
/// `errorCode` or `ok` parameter (never a JSON document).
fn form_entries(body: &[u8]) -> Option<Vec<(String, Value)>> {
    let text = core::str::from_utf8(body).ok()?.trim();
    if text.is_empty() || text.starts_with(['{', '[', '<', '"']) {
        return None;
    }
    let mut entries = Vec::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=')?;
        if k.is_empty() || k.bytes().any(|b| b.is_ascii_whitespace()) {
            return None;
        }
        entries.push((form_decode(k), Value::String(form_decode(v))));
    }
    entries.iter().any(|(k, _)| k == "error").then_some(entries)
}

/// `body` without the commas that stand right before a `}` or `]` (outside strings), when
/// it has any: some providers' documented bodies have them.
fn without_trailing_commas(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let (mut in_string, mut escaped, mut changed) = (false, false, false);
    for (i, &b) in body.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b',' {
            let next = body[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
            if matches!(next, Some(b'}' | b']')) {
                changed = true;
                continue;
            }
        }
        out.push(b);
    }
    changed.then_some(out)
}

/// A JSON object's entries; a failed parse is retried without trailing commas.
///
/// Values are read as [`ErrorResponse::from_json`] reads them: one that cannot be held
/// (`1e400`, too deep) is `null` here, which every reader treats as absent.
fn json_entries(body: &[u8]) -> Result<Vec<(String, Value)>, ParseError> {
    let members = match json_members(body) {
        Ok(m) => m,
        Err(e @ ParseError::Json(_)) => match without_trailing_commas(body) {
            Some(relaxed) => json_members(&relaxed).map_err(|_| e)?,
            None => return Err(e),
        },
        Err(e) => return Err(e),
    };
    Ok(members.into_iter().map(|(k, v)| (k, v.unwrap_or(Value::Null))).collect())
}

/// The body's entries: JSON object, or form parameters when the content type says so (or
/// is absent or `text/plain` and the body is one).
fn body_entries(ct: Option<&str>, body: &[u8]) -> Option<Vec<(String, Value)>> {
    if body.is_empty() || body.len() > MAX_BODY_LEN {
        return None;
    }
    if is_type(ct, "application/x-www-form-urlencoded") {
        return form_entries(body);
    }
    match json_entries(body) {
        Ok(entries) => Some(entries),
        Err(_) if ct.is_none() || is_type(ct, "text/plain") => form_entries(body),
        Err(_) => None,
    }
}

/// The first of `error`, `error_description`, `error_uri` that appears twice (RFC 6749
/// §3.1: parameters "MUST NOT be included more than once"; see `from_json`).
fn repeated_rfc6749_member(entries: &[(String, Value)]) -> Option<&'static str> {
    const NAMES: [&str; 3] = ["error", "error_description", "error_uri"];
    let mut seen = [false; 3];
    for (name, _) in entries {
        if let Some(i) = NAMES.iter().position(|r| r == name) {
            if core::mem::replace(&mut seen[i], true) {
                return Some(NAMES[i]);
            }
        }
    }
    None
}

fn shape_of(forced: Option<Dialect>, entries: Vec<(String, Value)>, ct: Option<&str>) -> Shape {
    let problem = is_type(ct, "application/problem+json");
    let plain_json = is_type(ct, "application/json");
    let dialect = forced.unwrap_or_else(|| dialect::classify(&entries, problem, plain_json));
    dialect::extract(dialect, entries, problem)
}

/// The code, description, URI and members a shape carries, apart.
struct Parts {
    description: Option<String>,
    uri: Option<String>,
    members: Vec<(String, Value)>,
}

fn parts_of(shape: Shape) -> Parts {
    if !shape.rfc {
        return Parts { description: shape.description, uri: shape.uri, members: shape.entries };
    }
    let mut members = shape.entries;
    let mut description = None;
    let mut uri = None;
    members.retain_mut(|(n, v)| match n.as_str() {
        "error" => false,
        "error_description" => {
            if let Value::String(s) = v {
                description = Some(core::mem::take(s));
            }
            false
        }
        "error_uri" => {
            if let Value::String(s) = v {
                uri = Some(core::mem::take(s));
            }
            false
        }
        _ => true,
    });
    Parts { description, uri, members }
}

/// Builds the error through the body reader's own member rules.
fn assemble(code: &OAuthError, parts: Parts) -> Result<ErrorResponse, ParseError> {
    let mut entries = Vec::with_capacity(parts.members.len() + 3);
    entries.push(("error".to_owned(), Value::String(code.as_str().to_owned())));
    if let Some(d) = parts.description {
        entries.push(("error_description".to_owned(), Value::String(d)));
    }
    if let Some(u) = parts.uri {
        entries.push(("error_uri".to_owned(), Value::String(u)));
    }
    // A member that kept a reserved name (an `error` the dialect did not read as the
    // code) is renamed as `MemberName::lossy` would, so it never overrides the code.
    entries.extend(parts.members.into_iter().map(|(n, v)| match n.as_str() {
        "error" | "error_description" | "error_uri" => (format!("x_{n}"), v),
        _ => (n, v),
    }));
    ErrorResponse::from_entries(entries.into_iter().map(|(k, v)| (k, Some(v))))
}

/// A known code for a received code string: the dialect's mapping, else the code itself.
fn resolve(dialect: Dialect, received: &str) -> Option<OAuthError> {
    dialect.canonical(received).or_else(|| OAuthError::from_code(received).ok())
}

/// Reads a body's entries with no status (the body-only readers and `Deserialize`).
pub(crate) fn read_entries(
    forced: Option<Dialect>,
    entries: Vec<(String, Value)>,
) -> Result<ErrorResponse, ParseError> {
    if let Some(name) = repeated_rfc6749_member(&entries) {
        return Err(ParseError::Duplicate(name));
    }
    let shape = shape_of(forced, entries, None);
    let dialect = shape.dialect;
    let mapped = shape.canonical();
    if shape.rfc {
        // RFC 6749 entries as received: the body reader's own rules, then the mapping (the
        // received code is copied only when it was mapped).
        let received = match (&mapped, shape.code_str()) {
            (Some(_), Some(r)) => ReceivedCode::Other(r.to_owned()),
            _ => ReceivedCode::Same,
        };
        let mut err =
            ErrorResponse::from_entries(shape.entries.into_iter().map(|(k, v)| (k, Some(v))))?;
        if let Some(c) = mapped {
            err.code = c;
        }
        let received =
            Received { status: None, code: received, dialect, raw_body: None, iss: None };
        err.set_received(received);
        return Ok(err);
    }
    let code = match (shape.code_str(), mapped) {
        (_, Some(c)) => c,
        (Some(r), None) => OAuthError::from_code(r).map_err(ParseError::InvalidCode)?,
        (None, None) => match shape.status.and_then(|s| StatusCode::from_u16(s).ok()) {
            Some(s) if s.is_client_error() || s.is_server_error() => infer_code(s, None, &[]),
            _ => return Err(ParseError::MissingError),
        },
    };
    let received = ReceivedCode::of(shape.code_str(), &code);
    let mut err = assemble(&code, parts_of(shape))?;
    err.set_received(Received { status: None, code: received, dialect, raw_body: None, iss: None });
    Ok(err)
}

/// `Deserialize` for `ErrorResponse`: any dialect, no status.
pub(crate) fn from_entries_any(entries: Vec<(String, Value)>) -> Result<ErrorResponse, ParseError> {
    read_entries(None, entries)
}

/// The common case of [`read_parts`], without building a member list: an error status
/// (not 405), none of the headers the reader takes from (`WWW-Authenticate`,
/// `Retry-After`, `DPoP-Nonce`), a JSON body of the plain RFC 6749 shape
/// ([`plain_body`]) with a known code that no vendor dialect claims, a reader that
/// recognises the dialect. The answer is the one the general path gives: the body's
/// error, received as sent, dialect [`Dialect::Rfc6749`]. `None` for anything else.
fn read_plain(
    reader: &ResponseReader,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ErrorResponse> {
    let error_status = status.is_client_error() || status.is_server_error();
    if !error_status
        || status == StatusCode::METHOD_NOT_ALLOWED
        || reader.dialect.is_some()
        || body.is_empty()
        || body.len() > MAX_BODY_LEN
        || headers.contains_key(WWW_AUTHENTICATE)
        || headers.contains_key(RETRY_AFTER)
        || headers.contains_key(DPOP_NONCE)
    {
        return None;
    }
    let ct = content_type(headers);
    if is_type(ct, "application/x-www-form-urlencoded") || is_type(ct, "application/problem+json") {
        return None;
    }
    let mut err = plain_rfc6749(body)?;
    if let Some(e) = reader.endpoint {
        err = err.at(e);
    }
    err.set_received(Received {
        status: Some(status),
        code: ReceivedCode::Same,
        dialect: Dialect::Rfc6749,
        raw_body: None,
        iss: None,
    });
    Some(err)
}

/// A body of the plain RFC 6749 shape ([`plain_body`]) whose code is known and claimed by
/// no vendor dialect: what automatic dialect detection reads as [`Dialect::Rfc6749`] with
/// the code as sent. `None` for anything else.
fn plain_rfc6749(body: &[u8]) -> Option<ErrorResponse> {
    let err = plain_body(body)?;
    let code = err.code().as_str();
    // As `dialect::classify` for a body with only the RFC 6749 members.
    let vendor = Dialect::Rfc6749.canonical(code).is_some()
        || Dialect::GitHub.canonical(code).is_some()
        || matches!(code, "redirect_uri_mismatch" | "unverified_user_email");
    (err.code().is_known() && !vendor).then_some(err)
}

/// [`ResponseReader::read_body`] for every body.
fn read_body_general(reader: &ResponseReader, body: &[u8]) -> Result<ErrorResponse, ParseError> {
    if body.len() > MAX_BODY_LEN {
        return Err(ParseError::TooLarge(body.len()));
    }
    let entries = match json_entries(body) {
        Ok(entries) => entries,
        Err(e @ ParseError::Json(_)) => form_entries(body).ok_or(e)?,
        Err(e) => return Err(e),
    };
    read_entries(reader.dialect, entries)
}

/// [`ResponseReader::read_body`]'s common case: automatic detection and a body
/// [`plain_rfc6749`] reads. The answer is the one the general path gives.
fn read_body_plain(reader: &ResponseReader, body: &[u8]) -> Option<ErrorResponse> {
    if reader.dialect.is_some() || body.len() > MAX_BODY_LEN {
        return None;
    }
    let mut err = plain_rfc6749(body)?;
    err.set_received(Received {
        status: None,
        code: ReceivedCode::Same,
        dialect: Dialect::Rfc6749,
        raw_body: None,
        iss: None,
    });
    Some(err)
}

fn read_parts(
    reader: &ResponseReader,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ErrorResponse> {
    if status.is_informational() {
        return None;
    }
    if let Some(err) = read_plain(reader, status, headers, body) {
        return Some(err);
    }
    read_general(reader, status, headers, body)
}

/// [`read_parts`] for every response.
fn read_general(
    reader: &ResponseReader,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ErrorResponse> {
    if status.is_informational() {
        return None;
    }
    if status.is_redirection() {
        let location = headers.get(LOCATION)?.to_str().ok()?;
        let (mut err, iss) = ErrorResponse::from_redirect(location).ok()?;
        if let Some(e) = reader.endpoint {
            err = err.at(e);
        }
        err.set_received(Received {
            status: Some(status),
            code: ReceivedCode::Same,
            dialect: Dialect::Redirect,
            raw_body: None,
            iss,
        });
        return Some(err);
    }
    let error_status = status.is_client_error() || status.is_server_error();

    let parsed: Vec<ParsedChallenge> = headers
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| parse_challenges([v.as_bytes()]).ok())
        .flatten()
        .collect();

    let ct = content_type(headers);
    let ignore_body = matches!(reader.dialect, Some(d) if !d.is_body());
    let entries = if ignore_body { None } else { body_entries(ct, body) };
    // A body that repeats an RFC 6749 member is refused, as `from_json` refuses it: an
    // error all the same (it names one), read from the status and kept raw.
    let repeated = entries.as_deref().and_then(repeated_rfc6749_member).is_some();
    let shape = entries.filter(|_| !repeated).map(|e| shape_of(reader.dialect, e, ct));

    if !error_status && !repeated && !shape.as_ref().is_some_and(|s| s.says_error) {
        return None;
    }

    // The body's code: the received string, its known meaning, whether it is usable.
    let body_received = shape.as_ref().and_then(Shape::code_str);
    let body_code: Option<OAuthError> = shape.as_ref().and_then(|s| match s.code_str() {
        Some(c) => resolve(s.dialect, c),
        None => s.message_code.clone(),
    });
    // The challenge's code.
    let challenge_error = parsed.iter().find_map(|c| {
        let code = OAuthError::from_code(c.param("error")?).ok()?;
        Some((c, code))
    });

    let body_known = body_code.as_ref().is_some_and(OAuthError::is_known);
    let challenge_known = challenge_error.as_ref().is_some_and(|(_, c)| c.is_known());
    let body_wins = body_code.is_some() && (body_known || !challenge_known);

    let body_status =
        shape.as_ref().and_then(|s| s.status).and_then(|s| StatusCode::from_u16(s).ok());
    let raw_wanted = shape.as_ref().is_none_or(|s| s.dialect == Dialect::Unrecognised)
        || (body_received.is_some() && body_code.is_none());
    let mut dialect = shape.as_ref().map_or(Dialect::Unrecognised, |s| s.dialect);

    let (code, received_code, mut err) = if body_wins {
        let code = body_code.clone().unwrap_or(OAuthError::InvalidRequest);
        let received = ReceivedCode::of(body_received, &code);
        let shape = shape?;
        let err = if shape.rfc {
            match ErrorResponse::from_entries(shape.entries.into_iter().map(|(k, v)| (k, Some(v))))
            {
                Ok(mut e) => {
                    e.code = code.clone();
                    e
                }
                Err(_) => ErrorResponse::new(code.clone()),
            }
        } else {
            assemble(&code, parts_of(shape)).unwrap_or_else(|_| ErrorResponse::new(code.clone()))
        };
        // What the body lacks, from a challenge naming the same code.
        let mut err = err;
        if let Some((c, _)) = challenge_error.as_ref().filter(|(_, c)| *c == code) {
            if err.description().is_none() {
                if let Some(d) = c.param("error_description") {
                    err = err.with_description(
                        ErrorText::unicode(d.to_owned()).unwrap_or_else(|_| ErrorText::from(d)),
                    );
                }
            }
            if err.uri().is_none() {
                if let Some(u) = c.param("error_uri") {
                    err = err.with_uri(
                        ErrorUri::new(u.to_owned()).unwrap_or_else(|_| ErrorUri::lossy(u)),
                    );
                }
            }
        }
        (code, received, err)
    } else {
        let (code, from_challenge) = match &challenge_error {
            Some((c, code)) => (code.clone(), Some(*c)),
            None => {
                let inferred = if error_status {
                    infer_code(status, reader.endpoint, &parsed)
                } else {
                    match body_status {
                        Some(s) if s.is_client_error() || s.is_server_error() => {
                            infer_code(s, reader.endpoint, &parsed)
                        }
                        _ => OAuthError::InvalidRequest,
                    }
                };
                (inferred, None)
            }
        };
        let mut parts = match shape {
            Some(s) => parts_of(s),
            None => Parts { description: None, uri: None, members: Vec::new() },
        };
        if let Some(c) = from_challenge {
            if body_code.is_some() {
                // The body named another code: its text belongs to that one.
                parts.description = None;
                parts.uri = None;
            }
            if parts.description.is_none() {
                parts.description = c.param("error_description").map(str::to_owned);
            }
            if parts.uri.is_none() {
                parts.uri = c.param("error_uri").map(str::to_owned);
            }
            if dialect == Dialect::Unrecognised {
                dialect = Dialect::Challenge;
            }
        }
        let received = ReceivedCode::of(from_challenge.and_then(|c| c.param("error")), &code);
        let err = assemble(&code, parts).unwrap_or_else(|_| ErrorResponse::new(code.clone()));
        (code, received, err)
    };

    attach_challenges(&mut err, &code, status, parsed);
    if let Some(r) =
        headers.get(RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(RetryAfter::parse)
    {
        err = err.with_retry_after(r);
    }
    if let Some(n) = headers
        .get(DPOP_NONCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| DpopNonce::new(v.to_owned()).ok())
    {
        err = err.with_dpop_nonce(n);
    }
    if status == StatusCode::METHOD_NOT_ALLOWED {
        let methods: Vec<http::Method> = headers
            .get_all(http::header::ALLOW)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|m| http::Method::from_bytes(m.trim().as_bytes()).ok())
            .collect();
        if !methods.is_empty() {
            err = err.with_allow(methods);
        }
    }
    if let Some(e) = reader.endpoint {
        err = err.at(e);
    }
    let raw_body = (raw_wanted && !body.is_empty())
        .then(|| Bytes::copy_from_slice(&body[..body.len().min(MAX_BODY_LEN)]));
    err.set_received(Received {
        status: Some(status),
        code: received_code,
        dialect,
        raw_body,
        iss: None,
    });
    Some(err)
}

/// Attaches the parsed challenges: the first challenge of a 401 `invalid_client` becomes
/// the client-authentication context; a `Bearer`/`DPoP` challenge that carried no error
/// parameters is marked informational, so that it renders again as received.
fn attach_challenges(
    err: &mut ErrorResponse,
    code: &OAuthError,
    status: StatusCode,
    parsed: Vec<ParsedChallenge>,
) {
    let mut first = true;
    for p in parsed {
        let Some(mut c) = p.to_challenge() else {
            continue;
        };
        let carried_error = p.param("error").is_some();
        if first
            && *code == OAuthError::InvalidClient
            && status == StatusCode::UNAUTHORIZED
            && !carried_error
        {
            err.details_mut().client_auth = ClientAuth::Header(c);
            first = false;
            continue;
        }
        first = false;
        if !carried_error && matches!(c.scheme(), Scheme::Bearer | Scheme::DPoP) {
            c = c.informational();
        }
        err.details_mut().challenges.push(c);
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    /// The plain-body fast path gives exactly what the general path gives, for bodies on
    /// both sides of its conditions.
    #[test]
    fn read_plain_agrees_with_the_general_path() {
        let bodies: &[&[u8]] = &[
            br#"{"error":"invalid_grant"}"#,
            br#"{"error":"invalid_grant","error_description":"The code has expired","error_uri":"https://as.example.com/e#x"}"#,
            br#"{"error_uri":"https://as.example.com/a b","error":"invalid_request","error_description":"caf\u00e9 \"q\""}"#,
            br#"{"error":"invalid_request","error_description":"\u0001 bad"}"#,
            br#"{"error":"invalid_request","error_description":""}"#,
            br#"{"error":"invalid_request","error_description":5}"#,
            br#"{"error":"bad_verification_code","error_description":"The code is wrong"}"#,
            br#"{"error":"acme_quota"}"#,
            br#"{"error":"invalid_grant","error":"invalid_grant"}"#,
            br#"{"error":"invalid_grant","extra":1}"#,
            br#"{"error":"invalid grant "}"#,
            br#"{"error":"invalid_token","error_description":"a\ud800b"}"#,
            br#" {"error" : "slow_down" } "#,
            br#"{"error":"slow_down"} x"#,
            br#"{"err\u006fr":"access_denied"}"#,
        ];
        let statuses = [400, 401, 403, 405, 429, 500, 200];
        let header_sets: Vec<HeaderMap> = [
            vec![("content-type", "application/json")],
            vec![],
            vec![("content-type", "application/json; charset=utf-8")],
            vec![("content-type", "application/problem+json")],
            vec![("content-type", "application/x-www-form-urlencoded")],
            vec![("content-type", "application/json"), ("retry-after", "5")],
            vec![("www-authenticate", r#"Bearer error="invalid_token""#)],
            vec![("dpop-nonce", "abc")],
        ]
        .into_iter()
        .map(|pairs| {
            let mut h = HeaderMap::new();
            for (n, v) in pairs {
                h.append(http::HeaderName::from_static(n), http::HeaderValue::from_static(v));
            }
            h
        })
        .collect();
        let readers = [ResponseReader::new(), ResponseReader::new().endpoint(Endpoint::Resource)];
        let view = |e: &ErrorResponse| {
            format!(
                "{e:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                e.received_status(),
                e.dialect(),
                e.received_code(),
                e.raw_body(),
                e.endpoint(),
                e.description().map(ErrorText::is_strict),
            )
        };
        let mut fast = 0;
        for body in bodies {
            for status in statuses {
                let status = StatusCode::from_u16(status).unwrap();
                for headers in &header_sets {
                    for reader in &readers {
                        let general = read_general(reader, status, headers, body);
                        if let Some(plain) = read_plain(reader, status, headers, body) {
                            fast += 1;
                            let general = general.as_ref().expect("the general path reads it too");
                            assert_eq!(
                                view(&plain),
                                view(general),
                                "{}",
                                String::from_utf8_lossy(body)
                            );
                        }
                        let both = read_parts(reader, status, headers, body);
                        assert_eq!(both.as_ref().map(view), general.as_ref().map(view));
                    }
                }
            }
        }
        assert!(fast > 100, "the fast path was taken {fast} times");

        // `read_body` (no status, no headers): the same, for every reader.
        let mut fast = 0;
        for body in bodies {
            for reader in &readers {
                let general = read_body_general(reader, body);
                if let Some(plain) = read_body_plain(reader, body) {
                    fast += 1;
                    let general = general.as_ref().expect("the general path reads it too");
                    assert_eq!(view(&plain), view(general), "{}", String::from_utf8_lossy(body));
                }
                let both = reader.read_body(body);
                assert_eq!(both.as_ref().map(view).ok(), general.as_ref().map(view).ok());
                assert_eq!(both.is_ok(), general.is_ok());
            }
        }
        assert!(fast > 2, "the body fast path was taken {fast} times");
    }
}
