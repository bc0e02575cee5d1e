//! Provider dialects: the error-body shapes real providers send, recognised automatically
//! (or selected explicitly with [`ResponseReader::dialect`](crate::parse::ResponseReader::dialect)),
//! and the table of vendor codes whose meaning is certain enough to map to a canonical
//! [`OAuthError`].
//!
//! Every dialect reads into the same [`ErrorResponse`]: the code (canonical where the
//! table says so, else as received, an [`OAuthError::Extension`] for unknown codes), the
//! description, the URI, and **every other member**, kept as extra members. The code as
//! received is always available from
//! [`ErrorResponse::received_code`](crate::ErrorResponse::received_code), and the dialect
//! from [`ErrorResponse::dialect`](crate::ErrorResponse::dialect).

use core::fmt;

use serde_json::Value;

use crate::taxonomy::code::OAuthError;

/// The shape an error was read from.
///
/// Body dialects are recognised in this order (the first that fits wins):
///
/// | Dialect | Shape | Code from | Description from |
/// |---|---|---|---|
/// | [`Slack`](Self::Slack) | `{"ok": false, "error": …}` | `error` | — |
/// | [`ProblemJson`](Self::ProblemJson) | RFC 9457: `application/problem+json`, or `type`, `title` and a numeric `status` without `error_description` (and, beside an `error` member, not labelled `application/json`) | `error` member, else the status | `detail` |
/// | [`MicrosoftEntra`](Self::MicrosoftEntra) | RFC 6749 plus `error_codes`, `trace_id` or `correlation_id` | `error` | `error_description` |
/// | [`StatusMessage`](Self::StatusMessage) | `{"status": 400, "message": …}` (Twitch), `error` being at most the status's reason phrase | Twitch's documented messages, else the status | `message` |
/// | [`GitHub`](Self::GitHub) | RFC 6749 with one of GitHub's own codes | `error` | `error_description` |
/// | [`Rfc6749`](Self::Rfc6749) | `{"error": "…", …}` (RFC 6749 §5.2), JSON or form-urlencoded | `error` | `error_description` |
/// | [`FacebookGraph`](Self::FacebookGraph) | `{"error": {"message", "type", "code", "fbtrace_id", …}}` | `code` (a number) | `message` |
/// | [`GoogleApi`](Self::GoogleApi) | `{"error": {"code": 403, "message", "status": "PERMISSION_DENIED"}}` | `status` | `message` |
/// | [`NestedError`](Self::NestedError) | any other `{"error": {…}}`, e.g. `{"error": {"status", "title", "detail"}}` | a string `code`, else the status | `detail`, `message` or `title` |
/// | [`Okta`](Self::Okta) | `{"errorCode", "errorSummary", "errorLink", "errorId", "errorCauses"}` | `errorCode` | `errorSummary` |
/// | [`Envelope`](Self::Envelope) | `{"success": false, "message", "details": {"error", …}}` | `details.error`, else the status | `details.error_description`, else `message` |
/// | [`Message`](Self::Message) | `{"message": …}` | the status | `message` |
/// | [`FieldErrors`](Self::FieldErrors) | `{"field": ["message", …], …}` (validation errors) | the status | the fields and their first messages |
///
/// Members that became the code, description or URI are not repeated as members; a nested
/// error object's members are lifted to the top level. Where the code comes from "the
/// status", no code was received: it is inferred from the HTTP status (or, when reading a
/// body alone, from a status the body states) as
/// [`ResponseReader`](crate::parse::ResponseReader) documents.
///
/// Three more say where the error came from when no body dialect applied:
/// [`Challenge`](Self::Challenge) (only the `WWW-Authenticate` challenge named the error),
/// [`Redirect`](Self::Redirect) (authorization-response parameters) and
/// [`Unrecognised`](Self::Unrecognised) (nothing could be read: the code is inferred from
/// the status and the raw body is kept).
///
/// ```
/// use oauth_errors::{ErrorResponse, OAuthError};
/// use oauth_errors::parse::Dialect;
///
/// let slack = ErrorResponse::from_body(br#"{"ok":false,"error":"invalid_code"}"#)?;
/// assert_eq!(slack.dialect(), Some(Dialect::Slack));
/// assert_eq!(slack.code(), &OAuthError::InvalidGrant); // Slack's `invalid_code`, mapped
/// assert_eq!(slack.received_code(), Some("invalid_code")); // as received
/// assert_eq!(slack.member("ok").map(|v| v.to_json()), Some(serde_json::json!(false)));
/// assert_eq!(Dialect::Slack.as_str(), "slack");
/// # Ok::<(), oauth_errors::parse::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// RFC 6749 §5.2: `error`, `error_description`, `error_uri` and extra members, as JSON
    /// or `application/x-www-form-urlencoded`. No vendor code is mapped in this dialect.
    Rfc6749,
    /// RFC 9457 problem details, with the crate's OAuth `error` extension when present.
    ProblemJson,
    /// GitHub's token endpoint: RFC 6749 bodies with GitHub's own codes, often with status
    /// 200 (<https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors>).
    GitHub,
    /// Microsoft Entra ID: RFC 6749 bodies with `error_codes`, `timestamp`, `trace_id`,
    /// `correlation_id` (<https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes>).
    MicrosoftEntra,
    /// Slack's Web API: `{"ok": false, "error": …}`, with status 200
    /// (<https://docs.slack.dev/reference/methods/oauth.v2.access>).
    Slack,
    /// Facebook Graph API: `{"error": {"message", "type", "code", "error_subcode",
    /// "fbtrace_id"}}` (<https://developers.facebook.com/docs/graph-api/guides/error-handling>).
    FacebookGraph,
    /// Google APIs: `{"error": {"code", "message", "status"}}`
    /// (<https://cloud.google.com/apis/design/errors>).
    GoogleApi,
    /// Okta's management API: `errorCode`, `errorSummary`, `errorLink`, `errorId`,
    /// `errorCauses` (<https://developer.okta.com/docs/reference/error-codes/>).
    Okta,
    /// `{"status": 400, "message": …}`, as Twitch's authentication endpoints send
    /// (<https://dev.twitch.tv/docs/authentication/refresh-tokens/>).
    StatusMessage,
    /// `{"success": false, "message": …, "details": {…}}`.
    Envelope,
    /// `{"error": {"status", "title", "detail"}}` and other nested error objects.
    NestedError,
    /// `{"message": …}` alone (plus unrelated members).
    Message,
    /// Validation errors: `{"field": ["message", …], …}`.
    FieldErrors,
    /// No body error: the error came from a `WWW-Authenticate` challenge.
    Challenge,
    /// Authorization-response parameters (query, fragment or `form_post`).
    Redirect,
    /// Nothing could be recognised: the code is inferred from the HTTP status and the raw
    /// body is kept ([`ErrorResponse::raw_body`](crate::ErrorResponse::raw_body)).
    Unrecognised,
}

impl Dialect {
    /// Every dialect, in recognition order (body dialects first).
    ///
    /// ```
    /// use oauth_errors::parse::Dialect;
    /// assert_eq!(Dialect::ALL.len(), 16);
    /// assert_eq!(Dialect::ALL[0], Dialect::Slack);
    /// ```
    pub const ALL: [Dialect; 16] = [
        Dialect::Slack,
        Dialect::ProblemJson,
        Dialect::MicrosoftEntra,
        Dialect::StatusMessage,
        Dialect::GitHub,
        Dialect::Rfc6749,
        Dialect::FacebookGraph,
        Dialect::GoogleApi,
        Dialect::NestedError,
        Dialect::Okta,
        Dialect::Envelope,
        Dialect::Message,
        Dialect::FieldErrors,
        Dialect::Challenge,
        Dialect::Redirect,
        Dialect::Unrecognised,
    ];

    /// The dialect's `snake_case` name (also its `Display`).
    ///
    /// ```
    /// use oauth_errors::parse::Dialect;
    /// assert_eq!(Dialect::MicrosoftEntra.as_str(), "microsoft_entra");
    /// assert_eq!(Dialect::GitHub.to_string(), "github");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Dialect::Rfc6749 => "rfc6749",
            Dialect::ProblemJson => "problem_json",
            Dialect::GitHub => "github",
            Dialect::MicrosoftEntra => "microsoft_entra",
            Dialect::Slack => "slack",
            Dialect::FacebookGraph => "facebook_graph",
            Dialect::GoogleApi => "google_api",
            Dialect::Okta => "okta",
            Dialect::StatusMessage => "status_message",
            Dialect::Envelope => "envelope",
            Dialect::NestedError => "nested_error",
            Dialect::Message => "message",
            Dialect::FieldErrors => "field_errors",
            Dialect::Challenge => "challenge",
            Dialect::Redirect => "redirect",
            Dialect::Unrecognised => "unrecognised",
        }
    }

    /// The canonical code for a vendor `code` received in this dialect, when
    /// [`VENDOR_CODES`] (or, for [`FacebookGraph`](Self::FacebookGraph), its 200–299
    /// permission range) maps it. `None` for codes whose meaning is not certain.
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    /// use oauth_errors::parse::Dialect;
    ///
    /// assert_eq!(Dialect::GitHub.canonical("bad_verification_code"), Some(OAuthError::InvalidGrant));
    /// assert_eq!(Dialect::GitHub.canonical("redirect_uri_mismatch"), None); // not certain
    /// assert_eq!(Dialect::FacebookGraph.canonical("250"), Some(OAuthError::InsufficientScope));
    /// assert_eq!(Dialect::Rfc6749.canonical("bad_verification_code"), None);
    /// ```
    pub fn canonical(self, code: &str) -> Option<OAuthError> {
        if let Some(row) = VENDOR_CODES.iter().find(|r| r.dialect == self && r.code == code) {
            return Some(row.canonical.clone());
        }
        // Facebook: "200-299: API Permission (multiple values depending on permission)".
        if self == Dialect::FacebookGraph
            && code.len() == 3
            && code.starts_with('2')
            && code.bytes().all(|b| b.is_ascii_digit())
        {
            return Some(OAuthError::InsufficientScope);
        }
        None
    }

    /// Whether this dialect describes a body shape (not [`Challenge`](Self::Challenge),
    /// [`Redirect`](Self::Redirect) or [`Unrecognised`](Self::Unrecognised)).
    ///
    /// ```
    /// use oauth_errors::parse::Dialect;
    /// assert!(Dialect::Okta.is_body());
    /// assert!(!Dialect::Challenge.is_body());
    /// ```
    pub const fn is_body(self) -> bool {
        !matches!(self, Dialect::Challenge | Dialect::Redirect | Dialect::Unrecognised)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of [`VENDOR_CODES`]: a code a provider documents, and the canonical code it
/// means.
///
/// ```
/// use oauth_errors::parse::{Dialect, VENDOR_CODES};
///
/// let row = VENDOR_CODES.iter().find(|r| r.code == "bad_verification_code").unwrap();
/// assert_eq!(row.dialect, Dialect::GitHub);
/// assert!(row.source.starts_with("https://docs.github.com/"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VendorCode {
    /// The dialect the code is received in.
    pub dialect: Dialect,
    /// The code as the provider sends it (for Twitch, the documented `message`).
    pub code: &'static str,
    /// The canonical code it means.
    pub canonical: OAuthError,
    /// The provider's public documentation of the code.
    pub source: &'static str,
}

const GITHUB_TOKEN_ERRORS: &str = "https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";
const GITHUB_DEVICE_FLOW: &str = "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow";
const GITHUB_REFRESH: &str = "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens";
const SLACK_OAUTH_V2: &str = "https://docs.slack.dev/reference/methods/oauth.v2.access";
const SLACK_AUTH_TEST: &str = "https://docs.slack.dev/reference/methods/auth.test";
const SLACK_RATE_LIMITS: &str = "https://docs.slack.dev/apis/web-api/rate-limits";
const FACEBOOK_ERRORS: &str =
    "https://developers.facebook.com/docs/graph-api/guides/error-handling";
const GOOGLE_ERRORS: &str = "https://cloud.google.com/apis/design/errors";
const OKTA_ERRORS: &str = "https://developer.okta.com/docs/reference/error-codes/";
const TWITCH_REFRESH: &str = "https://dev.twitch.tv/docs/authentication/refresh-tokens/";
const TWITCH_VALIDATE: &str = "https://dev.twitch.tv/docs/authentication/validate-tokens/";

macro_rules! vendor {
    ($dialect:ident, $code:literal, $canonical:ident, $source:expr) => {
        VendorCode {
            dialect: Dialect::$dialect,
            code: $code,
            canonical: OAuthError::$canonical,
            source: $source,
        }
    };
}

/// Vendor codes mapped to a canonical code, each citing the provider's documentation.
///
/// Only codes whose documented meaning is the canonical code's meaning are listed; every
/// other vendor code stays an [`OAuthError::Extension`] (for example GitHub's
/// `redirect_uri_mismatch`, which names a mismatch with the *registered* URL, and
/// `unverified_user_email`; Slack's `oauth_authorization_url_mismatch`; Facebook's `1`,
/// "possibly a temporary issue"). Facebook's 200–299 permission range maps to
/// `insufficient_scope` too (see [`Dialect::canonical`]).
///
/// | Dialect | Code | Canonical | Why |
/// |---|---|---|---|
/// | GitHub | `bad_verification_code` | `invalid_grant` | the code is incorrect or expired |
/// | GitHub | `incorrect_client_credentials` | `invalid_client` | `client_id` or `client_secret` is wrong |
/// | GitHub | `incorrect_device_code` | `invalid_grant` | the `device_code` is not valid |
/// | GitHub | `device_flow_disabled` | `unauthorized_client` | the app may not use the device grant |
/// | GitHub | `bad_refresh_token` | `invalid_grant` | the refresh token is invalid or expired |
/// | Slack | `invalid_code` | `invalid_grant` | the `code` is invalid |
/// | Slack | `bad_redirect_uri` | `invalid_grant` | `redirect_uri` differs from the authorization request's (RFC 6749 §5.2) |
/// | Slack | `invalid_refresh_token` | `invalid_grant` | the refresh token is invalid |
/// | Slack | `bad_client_secret`, `invalid_client_id` | `invalid_client` | client credentials are wrong |
/// | Slack | `invalid_grant_type` | `unsupported_grant_type` | the `grant_type` is invalid |
/// | Slack | `invalid_auth`, `token_revoked`, `token_expired` | `invalid_token` | the token cannot be used |
/// | Slack | `missing_scope` | `insufficient_scope` | the token lacks a needed scope |
/// | Slack | `ratelimited` | `too_many_requests` | rate limited |
/// | Facebook Graph | `190`, `102` | `invalid_token` | access token expired, revoked or invalid |
/// | Facebook Graph | `4`, `17` | `too_many_requests` | application or user request limit |
/// | Facebook Graph | `2` | `temporarily_unavailable` | temporary downtime |
/// | Facebook Graph | `10`, `200`–`299` | `insufficient_scope` | permission not granted or removed |
/// | Google APIs | `UNAUTHENTICATED` | `invalid_token` | missing, invalid or expired OAuth token |
/// | Google APIs | `RESOURCE_EXHAUSTED` | `too_many_requests` | quota or rate limit |
/// | Google APIs | `UNAVAILABLE` | `temporarily_unavailable` | service unavailable |
/// | Google APIs | `INVALID_ARGUMENT` | `invalid_request` | invalid argument |
/// | Okta | `E0000011` | `invalid_token` | invalid token provided |
/// | Okta | `E0000047` | `too_many_requests` | rate limit exceeded |
/// | Okta | `E0000001` | `invalid_request` | API validation failed |
/// | Okta | `E0000006` | `invalid_permission` | no permission for the action |
/// | Twitch (message) | `Invalid refresh token` | `invalid_grant` | refresh failed |
/// | Twitch (message) | `invalid access token` | `invalid_token` | token validation failed |
///
/// ```
/// use oauth_errors::parse::VENDOR_CODES;
///
/// // Every row cites an https page and maps to a known code.
/// assert!(VENDOR_CODES.iter().all(|r| r.source.starts_with("https://") && r.canonical.is_known()));
/// ```
pub static VENDOR_CODES: &[VendorCode] = &[
    vendor!(GitHub, "bad_verification_code", InvalidGrant, GITHUB_TOKEN_ERRORS),
    vendor!(GitHub, "incorrect_client_credentials", InvalidClient, GITHUB_TOKEN_ERRORS),
    vendor!(GitHub, "incorrect_device_code", InvalidGrant, GITHUB_DEVICE_FLOW),
    vendor!(GitHub, "device_flow_disabled", UnauthorizedClient, GITHUB_DEVICE_FLOW),
    vendor!(GitHub, "bad_refresh_token", InvalidGrant, GITHUB_REFRESH),
    vendor!(Slack, "invalid_code", InvalidGrant, SLACK_OAUTH_V2),
    vendor!(Slack, "bad_redirect_uri", InvalidGrant, SLACK_OAUTH_V2),
    vendor!(Slack, "invalid_refresh_token", InvalidGrant, SLACK_OAUTH_V2),
    vendor!(Slack, "bad_client_secret", InvalidClient, SLACK_OAUTH_V2),
    vendor!(Slack, "invalid_client_id", InvalidClient, SLACK_OAUTH_V2),
    vendor!(Slack, "invalid_grant_type", UnsupportedGrantType, SLACK_OAUTH_V2),
    vendor!(Slack, "invalid_auth", InvalidToken, SLACK_AUTH_TEST),
    vendor!(Slack, "token_revoked", InvalidToken, SLACK_AUTH_TEST),
    vendor!(Slack, "token_expired", InvalidToken, SLACK_AUTH_TEST),
    vendor!(Slack, "missing_scope", InsufficientScope, SLACK_AUTH_TEST),
    vendor!(Slack, "ratelimited", TooManyRequests, SLACK_RATE_LIMITS),
    vendor!(FacebookGraph, "190", InvalidToken, FACEBOOK_ERRORS),
    vendor!(FacebookGraph, "102", InvalidToken, FACEBOOK_ERRORS),
    vendor!(FacebookGraph, "4", TooManyRequests, FACEBOOK_ERRORS),
    vendor!(FacebookGraph, "17", TooManyRequests, FACEBOOK_ERRORS),
    vendor!(FacebookGraph, "2", TemporarilyUnavailable, FACEBOOK_ERRORS),
    vendor!(FacebookGraph, "10", InsufficientScope, FACEBOOK_ERRORS),
    vendor!(GoogleApi, "UNAUTHENTICATED", InvalidToken, GOOGLE_ERRORS),
    vendor!(GoogleApi, "RESOURCE_EXHAUSTED", TooManyRequests, GOOGLE_ERRORS),
    vendor!(GoogleApi, "UNAVAILABLE", TemporarilyUnavailable, GOOGLE_ERRORS),
    vendor!(GoogleApi, "INVALID_ARGUMENT", InvalidRequest, GOOGLE_ERRORS),
    vendor!(Okta, "E0000011", InvalidToken, OKTA_ERRORS),
    vendor!(Okta, "E0000047", TooManyRequests, OKTA_ERRORS),
    vendor!(Okta, "E0000001", InvalidRequest, OKTA_ERRORS),
    vendor!(Okta, "E0000006", InvalidPermission, OKTA_ERRORS),
    vendor!(StatusMessage, "Invalid refresh token", InvalidGrant, TWITCH_REFRESH),
    vendor!(StatusMessage, "invalid access token", InvalidToken, TWITCH_VALIDATE),
];

/// What a body says, before it becomes an [`ErrorResponse`](crate::ErrorResponse).
#[derive(Debug)]
pub(crate) struct Shape {
    pub(crate) dialect: Dialect,
    /// The members: for the RFC 6749 family the body's own entries (the `error` member
    /// among them), else the remaining members with `code`/`description`/`uri` apart.
    pub(crate) entries: Vec<(String, Value)>,
    /// Whether `entries` is an RFC 6749 object as received (its `error` read in place).
    pub(crate) rfc: bool,
    /// The code as received (a string code, a numeric code as decimal text); for RFC 6749
    /// entries it stays in place (see `code_str`).
    pub(crate) code: Option<String>,
    /// A canonical code the dialect maps a message to (Twitch), when `code` is `None`.
    pub(crate) message_code: Option<OAuthError>,
    pub(crate) description: Option<String>,
    pub(crate) uri: Option<String>,
    /// An HTTP status the body states.
    pub(crate) status: Option<u16>,
    /// Whether the body itself says it is an error (an `error` member, `ok: false`, …),
    /// which makes a 2xx response an error.
    pub(crate) says_error: bool,
}

impl Shape {
    fn new(dialect: Dialect, entries: Vec<(String, Value)>) -> Shape {
        Shape {
            dialect,
            entries,
            rfc: false,
            code: None,
            message_code: None,
            description: None,
            uri: None,
            status: None,
            says_error: true,
        }
    }

    /// The code as received, read in place for RFC 6749 entries.
    pub(crate) fn code_str(&self) -> Option<&str> {
        if self.rfc { get_str(&self.entries, "error") } else { self.code.as_deref() }
    }

    /// The canonical code the dialect maps the received code (or message) to.
    pub(crate) fn canonical(&self) -> Option<OAuthError> {
        match self.code_str() {
            Some(c) => self.dialect.canonical(c),
            None => self.message_code.clone(),
        }
    }
}

fn get<'a>(entries: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    entries.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

fn get_str<'a>(entries: &'a [(String, Value)], name: &str) -> Option<&'a str> {
    get(entries, name).and_then(Value::as_str)
}

fn take(entries: &mut Vec<(String, Value)>, name: &str) -> Option<Value> {
    let i = entries.iter().position(|(n, _)| n == name)?;
    Some(entries.remove(i).1)
}

fn take_str(entries: &mut Vec<(String, Value)>, name: &str) -> Option<String> {
    let i = entries.iter().position(|(n, v)| n == name && v.is_string())?;
    match entries.remove(i).1 {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn status_of(v: Option<&Value>) -> Option<u16> {
    v.and_then(Value::as_u64)
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| (100..=599).contains(n))
}

fn is_false(v: Option<&Value>) -> bool {
    v == Some(&Value::Bool(false))
}

/// Whether `s` is at most the reason phrase of `status` (Twitch and hapi send
/// `"error": "Bad Request"` beside the status).
fn is_reason_phrase(s: &str, status: Option<u16>) -> bool {
    status
        .and_then(|n| http::StatusCode::from_u16(n).ok())
        .and_then(|s| s.canonical_reason())
        .is_some_and(|r| r.eq_ignore_ascii_case(s))
}

/// Which body dialect fits `entries` (a JSON object or form body), in the documented
/// recognition order. `problem` is true when the `Content-Type` is
/// `application/problem+json`, `plain_json` when it is `application/json` (then an
/// `error` member is an RFC 6749 body even beside `type`, `title` and `status` members).
pub(crate) fn classify(entries: &[(String, Value)], problem: bool, plain_json: bool) -> Dialect {
    let error = get(entries, "error");
    let status = status_of(get(entries, "status")).or(status_of(get(entries, "statusCode")));
    let looks_problem = problem
        || (get_str(entries, "type").is_some()
            && get_str(entries, "title").is_some()
            && status_of(get(entries, "status")).is_some()
            && get(entries, "error_description").is_none());
    match error {
        Some(Value::String(code)) => {
            if is_false(get(entries, "ok")) {
                Dialect::Slack
            } else if looks_problem && (problem || !plain_json) {
                Dialect::ProblemJson
            } else if ["error_codes", "trace_id", "correlation_id"]
                .iter()
                .any(|m| get(entries, m).is_some())
            {
                Dialect::MicrosoftEntra
            } else if status.is_some()
                && get_str(entries, "message").is_some()
                && is_reason_phrase(code, status)
            {
                Dialect::StatusMessage
            } else if Dialect::GitHub.canonical(code).is_some()
                || matches!(code.as_str(), "redirect_uri_mismatch" | "unverified_user_email")
            {
                Dialect::GitHub
            } else {
                Dialect::Rfc6749
            }
        }
        Some(Value::Object(inner)) => {
            let has = |k: &str| inner.get(k).is_some();
            let number = |k: &str| inner.get(k).is_some_and(Value::is_number);
            let string = |k: &str| inner.get(k).is_some_and(Value::is_string);
            if has("fbtrace_id") || (string("type") && number("code")) {
                Dialect::FacebookGraph
            } else if string("status") && number("code") {
                Dialect::GoogleApi
            } else {
                Dialect::NestedError
            }
        }
        _ if is_false(get(entries, "ok")) => Dialect::Slack,
        _ if get_str(entries, "errorCode").is_some() => Dialect::Okta,
        _ if is_false(get(entries, "success")) => Dialect::Envelope,
        _ if looks_problem => Dialect::ProblemJson,
        _ if status.is_some_and(|s| s >= 400) && get_str(entries, "message").is_some() => {
            Dialect::StatusMessage
        }
        _ if get_str(entries, "message").is_some() => Dialect::Message,
        _ if !entries.is_empty()
            && entries.iter().all(|(_, v)| {
                v.as_array().is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_string))
            }) =>
        {
            Dialect::FieldErrors
        }
        _ => Dialect::Unrecognised,
    }
}

/// Reads `entries` as `dialect`. A body that does not fit a forced dialect (nothing read
/// from it) reads as [`Dialect::Unrecognised`] (not an error by itself).
pub(crate) fn extract(dialect: Dialect, entries: Vec<(String, Value)>, problem: bool) -> Shape {
    let mut s = extract_as(dialect, entries, problem);
    if s.code_str().is_none()
        && s.message_code.is_none()
        && s.description.is_none()
        && s.status.is_none()
        && !s.says_error
    {
        s.dialect = Dialect::Unrecognised;
    }
    s
}

fn extract_as(dialect: Dialect, mut entries: Vec<(String, Value)>, problem: bool) -> Shape {
    match dialect {
        Dialect::Rfc6749 | Dialect::GitHub | Dialect::MicrosoftEntra | Dialect::Slack => {
            let has_code = get_str(&entries, "error").is_some();
            let slack_failure = dialect == Dialect::Slack && is_false(get(&entries, "ok"));
            if !has_code {
                let mut s = Shape::new(Dialect::Unrecognised, entries);
                s.says_error = slack_failure;
                if slack_failure {
                    s.dialect = Dialect::Slack;
                }
                return s;
            }
            let mut s = Shape::new(dialect, entries);
            // The code is read in place (`Shape::code_str`).
            s.rfc = true;
            s
        }
        Dialect::ProblemJson => {
            let code = take_str(&mut entries, "error");
            let status = status_of(get(&entries, "status"));
            let description = take_str(&mut entries, "detail");
            let uri = take_str(&mut entries, "error_uri");
            // Members that only restate the code or the status are not kept.
            let title_of_code = code.as_deref().map(crate::wire::body::code_title);
            let reason = status
                .and_then(|n| http::StatusCode::from_u16(n).ok())
                .and_then(|s| s.canonical_reason());
            if get_str(&entries, "type").is_some_and(|t| {
                t == "about:blank" || code.as_deref().is_some_and(|c| t.ends_with(c))
            }) {
                take(&mut entries, "type");
            }
            if get_str(&entries, "title")
                .is_some_and(|t| Some(t) == reason || Some(t) == title_of_code.as_deref())
            {
                take(&mut entries, "title");
            }
            if status.is_some() {
                take(&mut entries, "status");
            }
            let says_error = problem || code.is_some() || status.is_some_and(|s| s >= 400);
            let mut s = Shape::new(Dialect::ProblemJson, entries);
            s.code = code;
            s.description = description;
            s.uri = uri;
            s.status = status;
            s.says_error = says_error;
            s
        }
        Dialect::StatusMessage => {
            let status =
                status_of(get(&entries, "status")).or(status_of(get(&entries, "statusCode")));
            take(&mut entries, "status");
            take(&mut entries, "statusCode");
            // `error` is the status's reason phrase here, or a code.
            let error = take_str(&mut entries, "error");
            let description = take_str(&mut entries, "message");
            let message_code = description.as_deref().and_then(|m| {
                VENDOR_CODES
                    .iter()
                    .find(|r| r.dialect == Dialect::StatusMessage && r.code.eq_ignore_ascii_case(m))
                    .map(|r| r.canonical.clone())
            });
            let mut s = Shape::new(Dialect::StatusMessage, entries);
            s.code = error.filter(|e| !is_reason_phrase(e, status));
            s.message_code = message_code;
            s.description = description;
            s.status = status;
            s.says_error = status.is_some_and(|s| s >= 400) || s.code.is_some();
            s
        }
        Dialect::FacebookGraph | Dialect::GoogleApi | Dialect::NestedError => {
            let Some(Value::Object(inner)) = take(&mut entries, "error") else {
                let mut s = Shape::new(Dialect::Unrecognised, entries);
                s.says_error = false;
                return s;
            };
            let mut lifted: Vec<(String, Value)> = inner.into_iter().collect();
            let (code, description, status) = match dialect {
                Dialect::FacebookGraph => {
                    let code = take(&mut lifted, "code").map(|c| match c {
                        Value::String(s) => s,
                        other => other.to_string(),
                    });
                    (code, take_str(&mut lifted, "message"), None)
                }
                Dialect::GoogleApi => {
                    let status = status_of(take(&mut lifted, "code").as_ref());
                    (take_str(&mut lifted, "status"), take_str(&mut lifted, "message"), status)
                }
                _ => {
                    let status =
                        status_of(get(&lifted, "status")).or(status_of(get(&lifted, "code")));
                    if status_of(get(&lifted, "status")).is_some() {
                        take(&mut lifted, "status");
                    }
                    let code = take_str(&mut lifted, "code");
                    let description = take_str(&mut lifted, "detail")
                        .or_else(|| take_str(&mut lifted, "message"))
                        .or_else(|| take_str(&mut lifted, "error_description"))
                        .or_else(|| take_str(&mut lifted, "title"));
                    (code, description, status)
                }
            };
            let uri = take_str(&mut lifted, "error_uri");
            lifted.extend(entries);
            let mut s = Shape::new(dialect, lifted);
            s.code = code;
            s.description = description;
            s.uri = uri;
            s.status = status;
            s
        }
        Dialect::Okta => {
            let code = take_str(&mut entries, "errorCode");
            let description = take_str(&mut entries, "errorSummary");
            let mut s = Shape::new(Dialect::Okta, entries);
            s.says_error = code.is_some();
            if code.is_none() {
                s.description = description;
                s.dialect = Dialect::Unrecognised;
                s.says_error = false;
                return s;
            }
            s.code = code;
            s.description = description;
            s
        }
        Dialect::Envelope => {
            let failure = is_false(get(&entries, "success"));
            let details = get(&entries, "details").and_then(Value::as_object);
            let code =
                details.and_then(|d| d.get("error")).and_then(Value::as_str).map(str::to_owned);
            let details_description = details
                .and_then(|d| d.get("error_description"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let description = match details_description {
                Some(d) => Some(d),
                None => take_str(&mut entries, "message"),
            };
            let status = status_of(get(&entries, "status"));
            let mut s = Shape::new(Dialect::Envelope, entries);
            s.code = code;
            s.description = description;
            s.status = status;
            s.says_error = failure;
            s
        }
        Dialect::Message => {
            let description = take_str(&mut entries, "message");
            let status = status_of(get(&entries, "status"));
            let mut s = Shape::new(Dialect::Message, entries);
            s.description = description;
            s.status = status;
            // `{"message": …}` alone does not say it is an error: only its status does.
            s.says_error = false;
            s
        }
        Dialect::FieldErrors => {
            let mut description = String::new();
            for (field, v) in &entries {
                let first = v.as_array().and_then(|a| a.first()).and_then(Value::as_str);
                if let Some(m) = first {
                    if !description.is_empty() {
                        description.push_str("; ");
                    }
                    description.push_str(field);
                    description.push_str(": ");
                    description.push_str(m);
                }
            }
            let mut s = Shape::new(Dialect::FieldErrors, entries);
            s.description = (!description.is_empty()).then_some(description);
            s.says_error = false;
            s
        }
        Dialect::Challenge | Dialect::Redirect | Dialect::Unrecognised => {
            let mut s = Shape::new(Dialect::Unrecognised, entries);
            s.says_error = false;
            s
        }
    }
}
