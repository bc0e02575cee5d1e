//! The five vendor pages in `../shared/seeds/*.txt` (beside the repository), reproduced.
//!
//! Every documented error response of every page is one [`Case`]: the status, the
//! `Content-Type`, `Cache-Control: no-store`, the `WWW-Authenticate` challenge (every 401
//! has one) and the body, compared as parsed JSON (`serde_json::Value` equality, so key
//! order and whitespace do not matter) with the documented JSON written literally here.
//!
//! Each page is **one** contract declaration (`SEED0` … `SEED4`, built with
//! [`Contract::builder`]); the cases only build errors from it (`SEEDn.error(code)` plus the
//! description, members and client-authentication context of the documented response) and
//! render them at the endpoint the page names. Non-RFC 6749 body shapes are the
//! [`BodyFormat`] impls defined in this file.
//!
//! Conventions used throughout:
//!
//! * Where a page gives a status and a message but no JSON, the body is RFC 6749 JSON:
//!   `{"error": <the code the page names>, "error_description": <the message>}`. Messages
//!   are copied verbatim from the page, including the backticks the page prints around
//!   parameter names (they are NQSCHAR, so the text is strict RFC 6749 text).
//! * Where a page names no code, the most fitting registered code is used, or a clearly
//!   named extension code (`extension_code!`); each choice is explained at the case.
//! * Literal messages are [`error_text!`] (checked against RFC 6749 NQSCHAR at compile
//!   time), so no documented message is silently altered by the lossy path.
//!   The one documented message outside NQSCHAR (seed 004 #1, with `"`) is
//!   [`ErrorText::unicode`] relaxed text, JSON-escaped in the body.
//! * The one response documented without a body (seed 001's 500) is compared on its
//!   status and headers only.

use std::error::Error as StdError;
use std::sync::LazyLock;

use http::header::{CACHE_CONTROL, CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};
use oauth_errors::text::ErrorText;
use oauth_errors::{
    BodyContext, BodyFormat, Challenge, ClientAuth, Contract, Endpoint, ErrorResponse, ErrorStatus,
    MemberValue, OAuthError, StatusRule, error_text, extension_code,
};
use serde_json::{Map, Value, json};

// ----------------------------------------------------------------------------------------
// The harness
// ----------------------------------------------------------------------------------------

/// One documented error response.
struct Case {
    /// The seed line (or table row / heading) this case reproduces.
    line: &'static str,
    /// The error, built from the seed's contract.
    error: ErrorResponse,
    /// Where it is returned.
    endpoint: Endpoint,
    /// The documented HTTP status.
    status: u16,
    /// The expected `Content-Type`.
    content_type: &'static str,
    /// The expected `WWW-Authenticate` value, or `None` when no challenge is sent.
    challenge: Option<String>,
    /// The documented body; `None` when the page documents no body (only the status is
    /// compared then).
    body: Option<Value>,
}

impl Case {
    /// A case with an `application/json` body and no challenge.
    fn new(line: &'static str, error: ErrorResponse, endpoint: Endpoint, status: u16) -> Self {
        Case {
            line,
            error,
            endpoint,
            status,
            content_type: "application/json",
            challenge: None,
            body: None,
        }
    }

    /// The documented body.
    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The expected `WWW-Authenticate` header.
    fn challenge(mut self, challenge: impl Into<String>) -> Self {
        self.challenge = Some(challenge.into());
        self
    }

    /// Renders the case and lists every way the response differs from the documentation.
    fn mismatches(&self) -> Vec<String> {
        let mut out = Vec::new();
        let r = self.error.clone().at(self.endpoint).response();
        if r.status() != self.status {
            out.push(format!("status {} (documented {})", r.status(), self.status));
        }
        let h = r.headers();
        let header = |name| h.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
        if header(CACHE_CONTROL) != Some("no-store") {
            out.push(format!("Cache-Control {:?} (want no-store)", header(CACHE_CONTROL)));
        }
        if r.status() == StatusCode::UNAUTHORIZED && h.get(WWW_AUTHENTICATE).is_none() {
            out.push("401 without WWW-Authenticate".to_owned());
        }
        let challenges: Vec<_> =
            h.get_all(WWW_AUTHENTICATE).iter().filter_map(|v| v.to_str().ok()).collect();
        let want: Vec<_> = self.challenge.as_deref().into_iter().collect();
        if challenges != want {
            out.push(format!("WWW-Authenticate {challenges:?} (want {want:?})"));
        }
        if let Some(want) = &self.body {
            if header(CONTENT_TYPE) != Some(self.content_type) {
                out.push(format!(
                    "Content-Type {:?} (want {})",
                    header(CONTENT_TYPE),
                    self.content_type
                ));
            }
            match serde_json::from_slice::<Value>(r.body()) {
                Ok(got) if got == *want => {}
                Ok(got) => out.push(format!("body {got}\n      documented {want}")),
                Err(e) => out.push(format!("body is not JSON ({e}): {:?}", r.body())),
            }
        }
        out
    }
}

/// Runs a seed's table and reports every failing case at once.
fn run<const N: usize>(seed: &str, cases: [Case; N]) {
    assert!(N > 0);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let m = c.mismatches();
            (!m.is_empty()).then(|| format!("{seed} `{}`:\n    {}", c.line, m.join("\n    ")))
        })
        .collect();
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}

/// Parses documented JSON, copied from the page (typos fixed where noted).
fn doc(json: &str) -> Value {
    match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => panic!("documented JSON does not parse ({e}): {json}"),
    }
}

/// `{"error": code, "error_description": message}`: the body of a response a page gives
/// only as a status and a message.
fn rfc(code: &str, message: &str) -> Value {
    json!({ "error": code, "error_description": message })
}

/// The JSON value of an extra member.
fn member_json(value: &MemberValue) -> Value {
    match value {
        MemberValue::Text(t) => Value::String(t.as_str().to_owned()),
        MemberValue::Json(j) => j.clone(),
        _ => Value::Null,
    }
}

/// `error_description`, else the code: what a message-style body says.
fn message_of(error: &ErrorResponse) -> &str {
    error.description().map_or(error.code().as_str(), |d| d.as_str())
}

type FormatResult = Result<(), Box<dyn StdError + Send + Sync>>;

/// Every format below is plain JSON.
const JSON: HeaderValue = HeaderValue::from_static("application/json");

// ----------------------------------------------------------------------------------------
// Seed 000: a "Status Codes" page (code headings with a status and a description)
// ----------------------------------------------------------------------------------------

/// Seed 000's contract.
///
/// The page gives each code a status and a description and no JSON, so the body is
/// RFC 6749 JSON with the description as `error_description` (the default format).
/// Two codes differ from the table:
///
/// * `invalid_client` is documented as 401 unconditionally — its causes cover token
///   requests ("No client credentials were provided", "An incorrect client secret was
///   provided") *and* resource requests ("No token provided when accessing a resources",
///   "Token provided is invalid"). So it is a contract rule, not the RFC's
///   `ClientAuth`-dependent 401/400: `Basic` at client-authenticating endpoints and a
///   `Bearer` challenge at the resource endpoint.
/// * `unauthorized_client` (the page's heading `unauthorized client` is a typo for the
///   registered code) is documented as 401, not the table's 400: a contract rule with a
///   `Basic` challenge, since the failure concerns the authenticated client.
static SEED0: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .status(OAuthError::InvalidClient, Challenge::basic("api"))
        .status_at(OAuthError::InvalidClient, Endpoint::Resource, Challenge::bearer().realm("api"))
        .status(OAuthError::UnauthorizedClient, Challenge::basic("api"))
        .build()
});

#[test]
fn seed_000_status_codes() {
    use Endpoint::{Api, Resource, Token};
    use OAuthError as E;
    let s = &*SEED0;

    // Each heading's "### Description", verbatim.
    const INVALID_CLIENT: ErrorText = error_text!(
        "Invalid client authentication, e.g. unknown client, no client authentication included, or unsupported authentication method."
    );
    const INVALID_GRANT: ErrorText = error_text!("The provided authorization grant is invalid.");
    // The page's typo "If it odes not" is prose, not JSON: kept verbatim.
    const DUPLICATE: ErrorText = error_text!(
        "Your write actions would cause a duplicate unique identifier. The response message should identify the offending field. If it odes not, please report it to us."
    );
    const INVALID_REQUEST: ErrorText = error_text!(
        "We could not interpret your request. This is commonly seen when you forgot to include required parameters or attempt to request a resource that doesn't exist. For example `/api/v0/monkeys` or `/api/v20000/companies` would result in an 'invalid request'."
    );
    // The page's second line, "See [rate limiting](#rate-limiting) for more information.",
    // is a link to another section of the page, not part of the message.
    const TOO_MANY_REQUESTS: ErrorText = error_text!(
        "Your deployment has exceeded the maximum number of allowed requests for this hour."
    );
    const SERVER_ERROR: ErrorText = error_text!(
        "The request failed due to a server error and we were notified. Unfortunately these errors are 99% of the time out of your control. If you continue to see such an error, please notify us."
    );
    const INVALID_SCOPE: ErrorText = error_text!(
        "The request scope is invalid, unknown, malformed or exceeds the scope granted by the resource owner."
    );
    const UNSUPPORTED_GRANT_TYPE: ErrorText =
        error_text!("The authorization grant type is not supported by the authorization server.");
    const UNAUTHORIZED_CLIENT: ErrorText = error_text!(
        "The authenticated client is not authorized to use this authorization grant type"
    );
    const INVALID_PERMISSION: ErrorText =
        error_text!("The user is authenticated but does not have permission to perform the action");

    run(
        "seed 000",
        [
            // "## invalid_client / Code: 401", at a token request (client authentication).
            Case::new(
                "## invalid_client Code: 401 (token request)",
                s.error(E::InvalidClient).with_description(INVALID_CLIENT),
                Token,
                401,
            )
            .challenge(r#"Basic realm="api""#)
            .body(rfc("invalid_client", INVALID_CLIENT.as_str())),
            // "## invalid_client / Code: 401", at a resource request (the page's causes "No
            // token provided when accessing a resources", "Token provided is invalid").
            Case::new(
                "## invalid_client Code: 401 (resource request)",
                s.error(E::InvalidClient).with_description(INVALID_CLIENT),
                Resource,
                401,
            )
            .challenge(format!(
                r#"Bearer realm="api", error="invalid_client", error_description="{}""#,
                INVALID_CLIENT.as_str()
            ))
            .body(rfc("invalid_client", INVALID_CLIENT.as_str())),
            // "## invalid_grant / Code: 400"
            Case::new(
                "## invalid_grant Code: 400",
                s.error(E::InvalidGrant).with_description(INVALID_GRANT),
                Token,
                400,
            )
            .body(rfc("invalid_grant", INVALID_GRANT.as_str())),
            // "## duplicate / Code: 400" (an API write).
            Case::new(
                "## duplicate Code: 400",
                s.error(E::Duplicate).with_description(DUPLICATE),
                Api,
                400,
            )
            .body(rfc("duplicate", DUPLICATE.as_str())),
            // "## invalid_request / Code: 400"
            Case::new(
                "## invalid_request Code: 400",
                s.error(E::InvalidRequest).with_description(INVALID_REQUEST),
                Api,
                400,
            )
            .body(rfc("invalid_request", INVALID_REQUEST.as_str())),
            // "## too_many_requests / Code: 429"
            Case::new(
                "## too_many_requests Code: 429",
                s.error(E::TooManyRequests).with_description(TOO_MANY_REQUESTS),
                Api,
                429,
            )
            .body(rfc("too_many_requests", TOO_MANY_REQUESTS.as_str())),
            // "## server_error / Code: 500"
            Case::new(
                "## server_error Code: 500",
                s.error(E::ServerError).with_description(SERVER_ERROR),
                Api,
                500,
            )
            .body(rfc("server_error", SERVER_ERROR.as_str())),
            // "## invalid_scope / Code: 400"
            Case::new(
                "## invalid_scope Code: 400",
                s.error(E::InvalidScope).with_description(INVALID_SCOPE),
                Token,
                400,
            )
            .body(rfc("invalid_scope", INVALID_SCOPE.as_str())),
            // "## unsupported_grant_type / Code: 400"
            Case::new(
                "## unsupported_grant_type Code: 400",
                s.error(E::UnsupportedGrantType).with_description(UNSUPPORTED_GRANT_TYPE),
                Token,
                400,
            )
            .body(rfc("unsupported_grant_type", UNSUPPORTED_GRANT_TYPE.as_str())),
            // "## unauthorized client / Code: 401" (heading typo for `unauthorized_client`).
            Case::new(
                "## unauthorized client Code: 401",
                s.error(E::UnauthorizedClient).with_description(UNAUTHORIZED_CLIENT),
                Token,
                401,
            )
            .challenge(r#"Basic realm="api""#)
            .body(rfc("unauthorized_client", UNAUTHORIZED_CLIENT.as_str())),
            // "## invalid_permission / Code: 403"
            Case::new(
                "## invalid_permission Code: 403",
                s.error(E::InvalidPermission).with_description(INVALID_PERMISSION),
                Api,
                403,
            )
            .body(rfc("invalid_permission", INVALID_PERMISSION.as_str())),
        ],
    );
}

// ----------------------------------------------------------------------------------------
// Seed 001: an Authentication API's "Standard Error Responses" table
// ----------------------------------------------------------------------------------------

/// Seed 001's contract: RFC 6749 JSON with four statuses that differ from the table.
///
/// * `invalid_client` is documented as 401 unconditionally (the table row has no
///   condition on how the client authenticated): a contract rule with a `Basic`
///   challenge, so that the 401 is valid HTTP.
/// * `unauthorized_client` and `access_denied` are 403.
/// * `unsupported_response_type` is 501 Not Implemented.
static SEED1: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .status(OAuthError::InvalidClient, Challenge::basic("api"))
        .status(OAuthError::UnauthorizedClient, ErrorStatus::FORBIDDEN)
        .status(OAuthError::AccessDenied, ErrorStatus::FORBIDDEN)
        .status(OAuthError::UnsupportedResponseType, ErrorStatus::NOT_IMPLEMENTED)
        .build()
});

#[test]
fn seed_001_standard_error_responses() {
    use Endpoint::{Authorization, Token};
    use OAuthError as E;
    let s = &*SEED1;
    // `"..."` is the page's own placeholder for the description; it is reproduced as
    // documented (it is valid NQSCHAR text).
    const DOTS: ErrorText = error_text!("...");

    // One case per <tr> of the table: status, Description cell, Message cell.
    run(
        "seed 001",
        [
            // 400 | Bad Request | {"error": "invalid_request", "error_description": "..."}
            Case::new(
                "400 invalid_request",
                s.error(E::InvalidRequest).with_description(DOTS),
                Token,
                400,
            )
            .body(doc(r#"{"error": "invalid_request", "error_description": "..."}"#)),
            // 400 | Bad Request | {"error": "invalid_scope", "error_description": "..."}
            Case::new(
                "400 invalid_scope",
                s.error(E::InvalidScope).with_description(DOTS),
                Token,
                400,
            )
            .body(doc(r#"{"error": "invalid_scope", "error_description": "..."}"#)),
            // 400 | Bad Request |
            // {"error": "invalid_scope", "error_description": "Scope must be an array or a string"}
            Case::new(
                "400 invalid_scope Scope must be an array or a string",
                s.error(E::InvalidScope)
                    .with_description(error_text!("Scope must be an array or a string")),
                Token,
                400,
            )
            .body(doc(r#"{"error": "invalid_scope",
                "error_description": "Scope must be an array or a string"}"#)),
            // 401 | Unauthorized | {"error": "invalid_client", "error_description": "..."}
            Case::new(
                "401 invalid_client",
                s.error(E::InvalidClient).with_description(DOTS),
                Token,
                401,
            )
            .challenge(r#"Basic realm="api""#)
            .body(doc(r#"{"error": "invalid_client", "error_description": "..."}"#)),
            // 403 | Forbidden | {"error": "unauthorized_client", "error_description": "..."}
            Case::new(
                "403 unauthorized_client",
                s.error(E::UnauthorizedClient).with_description(DOTS),
                Token,
                403,
            )
            .body(doc(r#"{"error": "unauthorized_client", "error_description": "..."}"#)),
            // 403 | Forbidden | {"error": "access_denied", "error_description": "..."}
            Case::new(
                "403 access_denied",
                s.error(E::AccessDenied).with_description(DOTS),
                Token,
                403,
            )
            .body(doc(r#"{"error": "access_denied", "error_description": "..."}"#)),
            // 403 | Forbidden |
            // {"error": "access_denied", "error_description": "Unknown or invalid refresh token"}
            Case::new(
                "403 access_denied Unknown or invalid refresh token",
                s.error(E::AccessDenied)
                    .with_description(error_text!("Unknown or invalid refresh token")),
                Token,
                403,
            )
            .body(doc(r#"{"error": "access_denied",
                "error_description": "Unknown or invalid refresh token"}"#)),
            // 404 | Not Found | {"error": "endpoint_disabled", "error_description": "..."}
            Case::new(
                "404 endpoint_disabled",
                s.error(E::EndpointDisabled).with_description(DOTS),
                Token,
                404,
            )
            .body(doc(r#"{"error": "endpoint_disabled", "error_description": "..."}"#)),
            // 405 | Method Not Allowed |
            // {"error": "method_not_allowed", "error_description": "..."}
            Case::new(
                "405 method_not_allowed",
                s.error(E::MethodNotAllowed).with_description(DOTS),
                Token,
                405,
            )
            .body(doc(r#"{"error": "method_not_allowed", "error_description": "..."}"#)),
            // 429 | Too Many Requests |
            // {"error": "too_many_requests", "error_description": "..."}
            Case::new(
                "429 too_many_requests",
                s.error(E::TooManyRequests).with_description(DOTS),
                Token,
                429,
            )
            .body(doc(r#"{"error": "too_many_requests", "error_description": "..."}"#)),
            // 500 | Internal Server Error | &nbsp; — no body documented. `server_error`
            // gives the status; the body is not compared (any body is acceptable where the
            // page documents none).
            Case::new("500 Internal Server Error (no body)", s.error(E::ServerError), Token, 500),
            // 501 | Not Implemented |
            // {"error": "unsupported_response_type", "error_description": "..."}
            Case::new(
                "501 unsupported_response_type",
                s.error(E::UnsupportedResponseType).with_description(DOTS),
                Authorization,
                501,
            )
            .body(doc(r#"{"error": "unsupported_response_type", "error_description": "..."}"#)),
            // 503 | Service Unavailable |
            // {"error": "temporarily_unavailable", "error_description": "..."}
            Case::new(
                "503 temporarily_unavailable",
                s.error(E::TemporarilyUnavailable).with_description(DOTS),
                Token,
                503,
            )
            .body(doc(r#"{"error": "temporarily_unavailable", "error_description": "..."}"#)),
        ],
    );
}

// ----------------------------------------------------------------------------------------
// Seed 002: "OAuth status codes" (OAuth server and API request tables, messages only)
// ----------------------------------------------------------------------------------------

/// 410 Gone at the API: no registered code means "gone", so an extension code.
const RESOURCE_GONE: OAuthError = extension_code!("resource_gone");
/// 422 Unprocessable Entity at the API (e.g. the webhooks limit is reached): no registered
/// code fits, so an extension code named after the status.
const UNPROCESSABLE_ENTITY: OAuthError = extension_code!("unprocessable_entity");

/// Seed 002's contract.
///
/// Every row is a status and a message (no JSON), so bodies are RFC 6749 JSON with the
/// message as `error_description`, under the code the message names ("Invalid grant: …" →
/// `invalid_grant`). Everything follows the table except the two API-layer conditions the
/// page documents with a status only (410, 422), which get extension codes with their
/// statuses here.
///
/// `invalid_client` is documented as 400: the page says `client_id`/`client_secret` are
/// request *parameters*, i.e. body authentication, for which RFC 6749 §5.2's 400 is what
/// [`ClientAuth::Body`] (or no credentials at all) already gives — no rule needed.
static SEED2: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .status(RESOURCE_GONE, ErrorStatus::GONE)
        .status(UNPROCESSABLE_ENTITY, ErrorStatus::UNPROCESSABLE_ENTITY)
        .build()
});

#[test]
fn seed_002_oauth_and_api_status_codes() {
    use Endpoint::{Api, Authorization, Resource, Token};
    use OAuthError as E;
    let s = &*SEED2;

    // The "Message" column, verbatim (the backticks are the page's own).
    const MISSING_GRANT_TYPE: ErrorText = error_text!("Missing parameter: `grant_type`");
    const BAD_GRANT_TYPE: ErrorText =
        error_text!("Unsupported grant type: `grant_type` is invalid");
    const CODE_INVALID: ErrorText = error_text!("Invalid grant: `authorization_code` is invalid");
    const CODE_EXPIRED: ErrorText = error_text!("Invalid grant: `authorization_code` has expired");
    const REFRESH_INVALID: ErrorText = error_text!("Invalid grant: `refresh_token` is invalid");
    const API_TOKEN_INVALID: ErrorText = error_text!("Invalid grant: `api_token` is invalid");
    const NO_CREDENTIALS: ErrorText =
        error_text!("Invalid client: cannot retrieve client credentials");
    const CLIENT_INVALID: ErrorText = error_text!("Invalid client: client is invalid");
    const REDIRECT_NOT_URI: ErrorText =
        error_text!("Invalid request: `redirect_uri` is not a valid URI");
    const REDIRECT_INVALID: ErrorText = error_text!("Invalid request: `redirect_uri` is invalid");
    const NOT_FORM: ErrorText =
        error_text!("Invalid request: content must be `application/x-www-form-urlencoded`");
    const NOT_INSTALLABLE: ErrorText = error_text!("App cannot be installed for requested company");
    const INTERNAL: ErrorText = error_text!("Internal Server Error");
    const WHOOPS: ErrorText =
        error_text!("Whoops! Something broke in our servers and we cannot serve you this page.");
    const MALFORMED_HEADER: ErrorText =
        error_text!("Invalid request: malformed authorization header");
    // The page's placeholder message, printed in italics; reproduced without the markup.
    const EXPLANATION: ErrorText = error_text!(
        "(An explanation of what went wrong, which can be different for different resources)"
    );
    const TOKEN_INVALID: ErrorText = error_text!("Invalid token: `access_token` is invalid");
    const SCOPE_MISMATCH: ErrorText = error_text!("Scope and URL mismatch");
    // `%Resource` is the page's placeholder for the resource name, kept as printed.
    const NOT_FOUND: ErrorText = error_text!("`%Resource` not found");
    const OVER_LIMIT: ErrorText = error_text!("Request over limit");

    run(
        "seed 002",
        [
            // --- OAuth table: `400` Bad Request | **/oauth/token** ------------------------
            // "Missing parameter: `grant_type`": a missing parameter is invalid_request.
            Case::new(
                "400 /oauth/token Missing parameter: `grant_type`",
                s.error(E::InvalidRequest).with_description(MISSING_GRANT_TYPE),
                Token,
                400,
            )
            .body(rfc("invalid_request", MISSING_GRANT_TYPE.as_str())),
            // "Unsupported grant type: `grant_type` is invalid"
            Case::new(
                "400 /oauth/token Unsupported grant type: `grant_type` is invalid",
                s.error(E::UnsupportedGrantType).with_description(BAD_GRANT_TYPE),
                Token,
                400,
            )
            .body(rfc("unsupported_grant_type", BAD_GRANT_TYPE.as_str())),
            // "Invalid grant: `authorization_code` is invalid"
            Case::new(
                "400 /oauth/token Invalid grant: `authorization_code` is invalid",
                s.error(E::InvalidGrant).with_description(CODE_INVALID),
                Token,
                400,
            )
            .body(rfc("invalid_grant", CODE_INVALID.as_str())),
            // "Invalid grant: `authorization_code` has expired"
            Case::new(
                "400 /oauth/token Invalid grant: `authorization_code` has expired",
                s.error(E::InvalidGrant).with_description(CODE_EXPIRED),
                Token,
                400,
            )
            .body(rfc("invalid_grant", CODE_EXPIRED.as_str())),
            // "Invalid grant: `refresh_token` is invalid"
            Case::new(
                "400 /oauth/token Invalid grant: `refresh_token` is invalid",
                s.error(E::InvalidGrant).with_description(REFRESH_INVALID),
                Token,
                400,
            )
            .body(rfc("invalid_grant", REFRESH_INVALID.as_str())),
            // "Invalid grant: `api_token` is invalid"
            Case::new(
                "400 /oauth/token Invalid grant: `api_token` is invalid",
                s.error(E::InvalidGrant).with_description(API_TOKEN_INVALID),
                Token,
                400,
            )
            .body(rfc("invalid_grant", API_TOKEN_INVALID.as_str())),
            // "Invalid client: cannot retrieve client credentials": no credentials were
            // sent (ClientAuth::None), so 400 by RFC 6749 §5.2.
            Case::new(
                "400 /oauth/token Invalid client: cannot retrieve client credentials",
                s.error(E::InvalidClient)
                    .with_description(NO_CREDENTIALS)
                    .with_client_auth(ClientAuth::None),
                Token,
                400,
            )
            .body(rfc("invalid_client", NO_CREDENTIALS.as_str())),
            // "Invalid client: client is invalid": the credentials were body parameters
            // (ClientAuth::Body), so 400 by RFC 6749 §5.2.
            Case::new(
                "400 /oauth/token Invalid client: client is invalid",
                s.error(E::InvalidClient)
                    .with_description(CLIENT_INVALID)
                    .with_client_auth(ClientAuth::Body),
                Token,
                400,
            )
            .body(rfc("invalid_client", CLIENT_INVALID.as_str())),
            // "Invalid request: `redirect_uri` is not a valid URI"
            Case::new(
                "400 /oauth/token Invalid request: `redirect_uri` is not a valid URI",
                s.error(E::InvalidRequest).with_description(REDIRECT_NOT_URI),
                Token,
                400,
            )
            .body(rfc("invalid_request", REDIRECT_NOT_URI.as_str())),
            // "Invalid request: `redirect_uri` is invalid": the message names
            // invalid_request (RFC 6749 would use invalid_grant for a redirect_uri mismatch
            // at the token endpoint; the page's own code wins).
            Case::new(
                "400 /oauth/token Invalid request: `redirect_uri` is invalid",
                s.error(E::InvalidRequest).with_description(REDIRECT_INVALID),
                Token,
                400,
            )
            .body(rfc("invalid_request", REDIRECT_INVALID.as_str())),
            // "Invalid request: content must be `application/x-www-form-urlencoded`"
            Case::new(
                "400 /oauth/token Invalid request: content must be form-urlencoded",
                s.error(E::InvalidRequest).with_description(NOT_FORM),
                Token,
                400,
            )
            .body(rfc("invalid_request", NOT_FORM.as_str())),
            // --- OAuth table: **/oauth/authorize** and `*` ---------------------------------
            // "| **/oauth/authorize**| App cannot be installed for requested company" (400).
            // The message names no code. The authorization server refuses the request by
            // policy (the app was removed from the Marketplace or is not visible to the
            // company): `access_denied`, answered directly, hence 400 (table).
            Case::new(
                "400 /oauth/authorize App cannot be installed for requested company",
                s.error(E::AccessDenied).with_description(NOT_INSTALLABLE),
                Authorization,
                400,
            )
            .body(rfc("access_denied", NOT_INSTALLABLE.as_str())),
            // "`500`| ***** | Internal Server Error" (any OAuth URL).
            Case::new(
                "500 * Internal Server Error",
                s.error(E::ServerError).with_description(INTERNAL),
                Token,
                500,
            )
            .body(rfc("server_error", INTERNAL.as_str())),
            // "`503`| **/oauth/authorize**| Whoops! Something broke in our servers and we
            // cannot serve you this page." (company database under maintenance).
            Case::new(
                "503 /oauth/authorize Whoops! Something broke in our servers ...",
                s.error(E::TemporarilyUnavailable).with_description(WHOOPS),
                Authorization,
                503,
            )
            .body(rfc("temporarily_unavailable", WHOOPS.as_str())),
            // --- API request table --------------------------------------------------------
            // "`400` Bad Request| Invalid request: malformed authorization header": the
            // RFC 6750 §3.1 invalid_request of a resource server, with a Bearer challenge.
            Case::new(
                "API 400 Invalid request: malformed authorization header",
                s.error(E::InvalidRequest).with_description(MALFORMED_HEADER),
                Resource,
                400,
            )
            .challenge(format!(
                r#"Bearer error="invalid_request", error_description="{}""#,
                MALFORMED_HEADER.as_str()
            ))
            .body(rfc("invalid_request", MALFORMED_HEADER.as_str())),
            // "| _(An explanation of what went wrong, which can be different for different
            // resources)_| Request contains invalid or missing data." (400)
            Case::new(
                "API 400 (An explanation of what went wrong, ...)",
                s.error(E::InvalidRequest).with_description(EXPLANATION),
                Api,
                400,
            )
            .body(rfc("invalid_request", EXPLANATION.as_str())),
            // "`401` Unauthorized| Invalid token: `access_token` is invalid"
            Case::new(
                "API 401 Invalid token: `access_token` is invalid",
                s.error(E::InvalidToken).with_description(TOKEN_INVALID),
                Resource,
                401,
            )
            .challenge(format!(
                r#"Bearer error="invalid_token", error_description="{}""#,
                TOKEN_INVALID.as_str()
            ))
            .body(rfc("invalid_token", TOKEN_INVALID.as_str())),
            // "`403` Forbidden| Scope and URL mismatch": the token's scope does not cover
            // the URL, i.e. insufficient_scope (403 by RFC 6750 §3.1).
            Case::new(
                "API 403 Scope and URL mismatch",
                s.error(E::InsufficientScope).with_description(SCOPE_MISMATCH),
                Resource,
                403,
            )
            .challenge(format!(
                r#"Bearer error="insufficient_scope", error_description="{}""#,
                SCOPE_MISMATCH.as_str()
            ))
            .body(rfc("insufficient_scope", SCOPE_MISMATCH.as_str())),
            // "`404` Not found| `%Resource` not found": an API-layer condition (the token
            // is fine), so Endpoint::Api and no challenge; `not_found` is the registered
            // "cannot be found" code (404 in the table).
            Case::new(
                "API 404 `%Resource` not found",
                s.error(E::NotFound).with_description(NOT_FOUND),
                Api,
                404,
            )
            .body(rfc("not_found", NOT_FOUND.as_str())),
            // "`410` Gone| | Old resource permanently unavailable": no message, so status
            // and code only.
            Case::new("API 410 Gone", s.error(RESOURCE_GONE), Api, 410)
                .body(json!({ "error": "resource_gone" })),
            // "`422` Unprocessable Entity| | For example, when the webhooks limit is
            // reached …": no message, so status and code only.
            Case::new("API 422 Unprocessable Entity", s.error(UNPROCESSABLE_ENTITY), Api, 422)
                .body(json!({ "error": "unprocessable_entity" })),
            // "`429` Too Many Requests| Request over limit"
            Case::new(
                "API 429 Request over limit",
                s.error(E::TooManyRequests).with_description(OVER_LIMIT),
                Api,
                429,
            )
            .body(rfc("too_many_requests", OVER_LIMIT.as_str())),
            // "`500`| Internal Server Error|"
            Case::new(
                "API 500 Internal Server Error",
                s.error(E::ServerError).with_description(INTERNAL),
                Api,
                500,
            )
            .body(rfc("server_error", INTERNAL.as_str())),
        ],
    );
}

// ----------------------------------------------------------------------------------------
// Seed 003: "Errors and troubleshooting" (one JSON shape per layer and endpoint)
// ----------------------------------------------------------------------------------------

/// Request validation (`{ "field": ["message"] }`, 422): no registered code is a
/// validation failure of an API request body, so an extension code.
const VALIDATION_FAILED: OAuthError = extension_code!("validation_failed");

/// Seed 003's bodies, chosen by endpoint (the page's "Common response shapes" table):
///
/// * Token endpoint (`/oauth/access-token`): `{"success": false, "message": …}`, plus
///   `"details"` — the OAuth error itself, `{"error", "error_description", "message"}`
///   with `message` repeating `error_description` — when the error is a wrapped
///   OAuth-server error. An error marks itself as such by carrying the API's own wording
///   in a `message` member; the OAuth `error_description` then goes into `details`.
///   Without that member (the API's own checks, e.g. "Inactive enterprise."), `message`
///   is the description and there is no `details`.
/// * Introspection and revocation (`/oauth/introspect`, `/oauth/revoke`):
///   `{"success": false, "message": …}`. (The shapes table also lists `"data"`, but no
///   documented example has it, so it is not written.)
/// * Anything else — protected routes (`/api/*`) and the API layer: `{"message": …}`.
struct Seed3Envelope;

impl BodyFormat for Seed3Envelope {
    fn content_type(&self) -> HeaderValue {
        JSON
    }

    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> FormatResult {
        let message = message_of(error);
        let body = match ctx.endpoint {
            Endpoint::Token => match error.member("message") {
                Some(api_message) => json!({
                    "success": false,
                    "message": member_json(api_message),
                    "details": {
                        "error": error.code().as_str(),
                        "error_description": message,
                        "message": message,
                    },
                }),
                None => json!({ "success": false, "message": message }),
            },
            Endpoint::Introspection | Endpoint::Revocation => {
                json!({ "success": false, "message": message })
            }
            _ => json!({ "message": message }),
        };
        serde_json::to_writer(out, &body)?;
        Ok(())
    }
}

/// Seed 003's request-validation shape, `{ "field": ["message"] }`: one top-level member
/// per invalid field, each a list of messages (the error's extra members, as given).
struct FieldErrors;

impl BodyFormat for FieldErrors {
    fn content_type(&self) -> HeaderValue {
        JSON
    }

    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> FormatResult {
        let fields: Map<String, Value> =
            ctx.members(error).map(|(n, v)| (n.as_str().to_owned(), member_json(v))).collect();
        serde_json::to_writer(out, &fields)?;
        Ok(())
    }
}

/// Seed 003's contract: every shape and status of the page, in one declaration.
///
/// * Formats: [`Seed3Envelope`] for every error (it dispatches on the endpoint), and
///   [`FieldErrors`] for request validation (`validation_failed`, 422).
/// * `invalid_client` at the token endpoint is 401 ("401 with invalid_client on token
///   request") although the client sends its credentials in the JSON body ("Send full
///   JSON body with client_id and client_secret"), where RFC 6749 would allow 400: a
///   contract rule. The crate requires a challenge with every 401 (RFC 9110 §11.6.1) and
///   the page names none, so it is `Basic realm="OAuth"`.
/// * `access_denied` ("Inactive enterprise.") is 403 at the token endpoint.
/// * `invalid_request` ("Missing required fields") is 422 at the token endpoint.
/// * `invalid_request` ("Token required.", and "Invalid or expired token." at
///   introspection, where the `token` parameter is at fault) is 422 at the introspection
///   and revocation endpoints, and so is `invalid_token` ("Invalid or expired token.",
///   "Token not found.") at revocation.
static SEED3: LazyLock<Contract> = LazyLock::new(|| {
    use Endpoint::{Introspection, Revocation, Token};
    use OAuthError as E;
    let unprocessable = ErrorStatus::UNPROCESSABLE_ENTITY;
    Contract::builder()
        .format(Seed3Envelope)
        .format_for(VALIDATION_FAILED, FieldErrors)
        .status(VALIDATION_FAILED, unprocessable)
        .status_at(E::InvalidClient, Token, Challenge::basic("OAuth"))
        .status_at(E::AccessDenied, Token, ErrorStatus::FORBIDDEN)
        .status_at(E::InvalidRequest, Token, unprocessable)
        .status_at(E::InvalidRequest, Introspection, unprocessable)
        .status_at(E::InvalidRequest, Revocation, unprocessable)
        .status_at(E::InvalidToken, Revocation, unprocessable)
        .build()
});

#[test]
fn seed_003_errors_and_troubleshooting() {
    use Endpoint::{Api, Introspection, Resource, Revocation, Token};
    use OAuthError as E;
    let s = &*SEED3;

    run(
        "seed 003",
        [
            // "Invalid client credentials# Returned by POST /oauth/access-token when the
            // client_id or client_secret is incorrect." (and "401 with invalid_client on
            // token request").
            Case::new(
                "Invalid client credentials (401 with invalid_client on token request)",
                s.error(E::InvalidClient)
                    .with_description(error_text!("Client authentication failed"))
                    .with_member(
                        "message",
                        error_text!("Client authentication failed. Check client ID/secret."),
                    ),
                Token,
                401,
            )
            .challenge(r#"Basic realm="OAuth""#)
            .body(doc(r#"{
"success": false,
"message": "Client authentication failed. Check client ID/secret.",
"details": {
"error": "invalid_client",
"error_description": "Client authentication failed",
"message": "Client authentication failed"
}
}"#)),
            // "Inactive enterprise# Returned by POST /oauth/access-token when the enterprise
            // account is inactive." (and "403 on token request"). The page names no code: a
            // policy refusal of an inactive account is `access_denied`.
            Case::new(
                "Inactive enterprise (403 on token request)",
                s.error(E::AccessDenied).with_description(error_text!("Inactive enterprise.")),
                Token,
                403,
            )
            .body(doc(r#"{
"success": false,
"message": "Inactive enterprise."
}"#)),
            // "Invalid or expired token on a protected route# Returned by /api/* routes when
            // the Authorization header is missing or the token is no longer valid." (and
            // "401 on /api/*").
            Case::new(
                "Invalid or expired token on a protected route (401 on /api/*)",
                s.error(E::InvalidToken).with_description(error_text!("Unauthenticated.")),
                Resource,
                401,
            )
            .challenge(r#"Bearer error="invalid_token", error_description="Unauthenticated.""#)
            .body(doc(r#"{
"message": "Unauthenticated."
}"#)),
            // "Insufficient scope# Returned by /api/* routes when the token does not include
            // the required scopes." (and "403 on /api/*").
            Case::new(
                "Insufficient scope (403 on /api/*)",
                s.error(E::InsufficientScope)
                    .with_description(error_text!("Token does not have the required scope.")),
                Resource,
                403,
            )
            .challenge(concat!(
                r#"Bearer error="insufficient_scope", "#,
                r#"error_description="Token does not have the required scope.""#
            ))
            .body(doc(r#"{
"message": "Token does not have the required scope."
}"#)),
            // "Company not found# Returned by /api/* routes such as GET /api/tags when no
            // company is linked to the OAuth client." (and "404 on /api/*"). An API-layer
            // condition (the token is valid), so Endpoint::Api and no challenge;
            // `not_found` is the registered "cannot be found" code (404 in the table).
            Case::new(
                "Company not found (404 on /api/*)",
                s.error(E::NotFound).with_description(error_text!("Company not found.")),
                Api,
                404,
            )
            .body(doc(r#"{
"message": "Company not found."
}"#)),
            // "Invalid or missing token on introspect / revoke# … when the token body is
            // missing …" — first example, at /oauth/introspect. A missing parameter is
            // `invalid_request`.
            Case::new(
                "Invalid or missing token on introspect: Token required.",
                s.error(E::InvalidRequest).with_description(error_text!("Token required.")),
                Introspection,
                422,
            )
            .body(doc(r#"{
"success": false,
"message": "Token required."
}"#)),
            // Same example, at /oauth/revoke.
            Case::new(
                "Invalid or missing token on revoke: Token required.",
                s.error(E::InvalidRequest).with_description(error_text!("Token required.")),
                Revocation,
                422,
            )
            .body(doc(r#"{
"success": false,
"message": "Token required."
}"#)),
            // "… or the token is not recognized." — second example, at /oauth/introspect.
            // The unrecognised token is the `token` parameter, not the caller's credentials:
            // `invalid_request`. (`invalid_token` at an introspection endpoint rejects the
            // caller's own access token, RFC 7662 §2.3, and carries a challenge.)
            Case::new(
                "Invalid or missing token on introspect: Invalid or expired token.",
                s.error(E::InvalidRequest)
                    .with_description(error_text!("Invalid or expired token.")),
                Introspection,
                422,
            )
            .body(doc(r#"{
"success": false,
"message": "Invalid or expired token."
}"#)),
            // Same example, at /oauth/revoke.
            Case::new(
                "Invalid or missing token on revoke: Invalid or expired token.",
                s.error(E::InvalidToken).with_description(error_text!("Invalid or expired token.")),
                Revocation,
                422,
            )
            .body(doc(r#"{
"success": false,
"message": "Invalid or expired token."
}"#)),
            // "Token not found on revoke# Returned by POST /oauth/revoke when the provided
            // token cannot be found." The page gives no status for it; revoke errors are
            // 422 ("Revoke (/oauth/revoke) | 422"). `invalid_token`: the token is not one
            // the server knows.
            Case::new(
                "Token not found on revoke",
                s.error(E::InvalidToken).with_description(error_text!("Token not found.")),
                Revocation,
                422,
            )
            .body(doc(r#"{
"success": false,
"message": "Token not found."
}"#)),
            // Quick reference "400 on token request | Access token invalid or expired":
            // status only; the grant presented is invalid or expired, `invalid_grant`
            // (400 in the table). The cause column is the message, in the token shape.
            Case::new(
                "Quick reference: 400 on token request",
                s.error(E::InvalidGrant)
                    .with_description(error_text!("Access token invalid or expired")),
                Token,
                400,
            )
            .body(json!({ "success": false, "message": "Access token invalid or expired" })),
            // Quick reference "422 on token request | Missing required fields": status
            // only; a missing parameter is `invalid_request`, 422 at the token endpoint.
            Case::new(
                "Quick reference: 422 on token request",
                s.error(E::InvalidRequest).with_description(error_text!("Missing required fields")),
                Token,
                422,
            )
            .body(json!({ "success": false, "message": "Missing required fields" })),
            // Quick reference "429 | Rate limit exceeded" ("/api/* routes are rate
            // limited"): `too_many_requests`, in the `/api/*` shape.
            Case::new(
                "Quick reference: 429",
                s.error(E::TooManyRequests).with_description(error_text!("Rate limit exceeded")),
                Api,
                429,
            )
            .body(json!({ "message": "Rate limit exceeded" })),
            // Shapes table "| Request validation | 422 | { "field": ["message"] } |": the
            // documented shape itself, one invalid field with one message.
            Case::new(
                "Request validation | 422 | { \"field\": [\"message\"] }",
                s.error(VALIDATION_FAILED).with_member("field", json!(["message"])),
                Api,
                422,
            )
            .body(doc(r#"{ "field": ["message"] }"#)),
        ],
    );
}

// ----------------------------------------------------------------------------------------
// Seed 004: "Authorization errors" (numbered examples with JSON)
// ----------------------------------------------------------------------------------------

/// #9 "Invalid owner in token": the token belongs to a client, not a user (the fix is to
/// use `authorization_code` instead of `client_credentials`). The body carries no code at
/// all, so an extension code names the condition.
const INVALID_OWNER: OAuthError = extension_code!("invalid_owner");

/// Seed 004 #9's shape, `{"error": {"status": 400, "title": "Bad Request", "detail": …}}`:
/// the status and its reason phrase, and the description as `detail`.
struct NestedError;

impl BodyFormat for NestedError {
    fn content_type(&self) -> HeaderValue {
        JSON
    }

    fn write_body(
        &self,
        error: &ErrorResponse,
        ctx: &BodyContext<'_>,
        out: &mut Vec<u8>,
    ) -> FormatResult {
        let body = json!({
            "error": {
                "status": ctx.status.as_u16(),
                "title": ctx.status.canonical_reason().unwrap_or("Error"),
                "detail": message_of(error),
            }
        });
        serde_json::to_writer(out, &body)?;
        Ok(())
    }
}

/// Seed 004's contract: RFC 6749 JSON (with `error_human_title` members carried by the
/// errors themselves), plus
///
/// * #8 `insufficient_scope` documented as **401** (RFC 6750 says 403): a contract rule
///   with a `Bearer` challenge naming the scope the page tells clients to request
///   (`read write v2`).
/// * #9 the nested shape for `invalid_owner`, a per-code body format.
///
/// `invalid_client` (#5 401, #6 400) needs no rule: see the cases.
static SEED4: LazyLock<Contract> = LazyLock::new(|| {
    Contract::builder()
        .status(
            OAuthError::InsufficientScope,
            StatusRule::Unauthorized(Challenge::bearer().scope("read write v2")),
        )
        .format_for(INVALID_OWNER, NestedError)
        .build()
});

#[test]
fn seed_004_authorization_errors() {
    use Endpoint::{Resource, Token};
    use OAuthError as E;
    let s = &*SEED4;

    // The documented JSON of #1–#7 ends its object with a trailing comma
    // (`"error_description": "…",\n}`), which is not JSON: those bodies are the page's JSON
    // with that comma removed (each is marked).
    run(
        "seed 004",
        [
            // 1. Missing parameter: code is required — HTTP code: 400 Bad Request.
            // The description contains `"`, outside RFC 6749 NQSCHAR: relaxed text
            // (ErrorText::unicode), JSON-escaped in the body.
            Case::new(
                "1. Missing parameter: code is required",
                s.error(E::InvalidRequest).with_description(
                    ErrorText::unicode(r#"Missing parameter: "code" is required"#)
                        .expect("printable text"),
                ),
                Token,
                400,
            )
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_request",
"error_description": "Missing parameter: \"code\" is required"
}"#)),
            // 2. Authorization code doesn't exist or is invalid for the client — 400.
            Case::new(
                "2. Authorization code doesn't exist or is invalid for the client",
                s.error(E::InvalidGrant).with_description(error_text!(
                    "Authorization code doesn't exist or is invalid for the client"
                )),
                Token,
                400,
            )
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_grant",
"error_description": "Authorization code doesn't exist or is invalid for the client"
}"#)),
            // 3. The grant type was not specified in the request — 400.
            Case::new(
                "3. The grant type was not specified in the request",
                s.error(E::InvalidRequest).with_description(error_text!(
                    "The grant type was not specified in the request"
                )),
                Token,
                400,
            )
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_request",
"error_description": "The grant type was not specified in the request"
}"#)),
            // 4. The scope requested is invalid for this client — 400.
            Case::new(
                "4. The scope requested is invalid for this client",
                s.error(E::InvalidScope).with_description(error_text!(
                    "The scope requested is invalid for this client"
                )),
                Token,
                400,
            )
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_scope",
"error_description": "The scope requested is invalid for this client"
}"#)),
            // 5. Client is not active — HTTP code: 401 Unauthorized.
            // #5 and #6 are both invalid_client, one 401 and one 400. That is exactly
            // RFC 6749 §5.2: 401 with a challenge for the scheme the client used when it
            // authenticated with the Authorization header (ClientAuth::Header → `Basic`),
            // 400 when the credentials came in the body (ClientAuth::Body, as in the
            // page's example request under #1). A contract override could only pick one
            // status for both, so the request's ClientAuth decides.
            Case::new(
                "5. Client is not active",
                s.error(E::InvalidClient)
                    .with_description(error_text!("Client is not active"))
                    .with_client_auth(ClientAuth::basic("api")),
                Token,
                401,
            )
            .challenge(r#"Basic realm="api""#)
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_client",
"error_description": "Client is not active"
}"#)),
            // 6. The client credentials are invalid — HTTP code: 400 Bad Request (body
            // credentials, see #5).
            Case::new(
                "6. The client credentials are invalid",
                s.error(E::InvalidClient)
                    .with_description(error_text!("The client credentials are invalid"))
                    .with_client_auth(ClientAuth::Body),
                Token,
                400,
            )
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_client",
"error_description": "The client credentials are invalid"
}"#)),
            // 7. The access token provided is invalid — HTTP code: 401 Unauthorized.
            Case::new(
                "7. The access token provided is invalid",
                s.error(E::InvalidToken)
                    .with_description(error_text!("The access token provided is invalid")),
                Resource,
                401,
            )
            .challenge(concat!(
                r#"Bearer error="invalid_token", "#,
                r#"error_description="The access token provided is invalid""#
            ))
            // Documented JSON with its trailing comma removed:
            .body(doc(r#"{
"error": "invalid_token",
"error_description": "The access token provided is invalid"
}"#)),
            // 8. Insufficient scope — HTTP code: 401 Unauthorized (contract rule).
            Case::new(
                "8. Insufficient scope",
                s.error(E::InsufficientScope)
                    .with_description(error_text!(
                        "The request requires higher privileges than provided by the access token"
                    ))
                    .with_member("error_human_title", error_text!("Insufficient scope.")),
                Resource,
                401,
            )
            .challenge(concat!(
                r#"Bearer scope="read write v2", error="insufficient_scope", "#,
                r#"error_description="The request requires higher privileges "#,
                r#"than provided by the access token""#
            ))
            .body(doc(r#"{
"error": "insufficient_scope",
"error_description": "The request requires higher privileges than provided by the access token",
"error_human_title": "Insufficient scope."
}"#)),
            // 9. Invalid owner in token — no HTTP code given; the body says 400. Returned
            // by the API to a client-credentials token (Endpoint::Resource). An extension code
            // is not a resource access error, so no challenge is synthesised for it.
            Case::new(
                "9. Invalid owner in token",
                s.error(INVALID_OWNER).with_description(error_text!("Invalid owner in token")),
                Resource,
                400,
            )
            .body(doc(r#"{
"error": {
"status": 400,
"title": "Bad Request",
"detail": "Invalid owner in token"
}
}"#)),
            // 10. The grant type is unauthorized for this client_id — no HTTP code given:
            // 400, the RFC 6749 §5.2 status (table).
            Case::new(
                "10. The grant type is unauthorized for this client_id",
                s.error(E::UnauthorizedClient)
                    .with_description(error_text!(
                        "The grant type is unauthorized for this client_id"
                    ))
                    .with_member("error_human_title", error_text!("Unauthorized client.")),
                Token,
                400,
            )
            .body(doc(r#"{
"error": "unauthorized_client",
"error_description": "The grant type is unauthorized for this client_id",
"error_human_title": "Unauthorized client."
}"#)),
            // 11. Invalid refresh token — no HTTP code given: 400 (table).
            Case::new(
                "11. Invalid refresh token",
                s.error(E::InvalidGrant)
                    .with_description(error_text!("Invalid refresh token"))
                    .with_member(
                        "error_human_title",
                        error_text!("Provided authorization credentials are invalid or expired."),
                    ),
                Token,
                400,
            )
            .body(doc(r#"{
"error": "invalid_grant",
"error_description": "Invalid refresh token",
"error_human_title": "Provided authorization credentials are invalid or expired."
}"#)),
        ],
    );
}

/// The harness itself: a response that differs from its documentation in status,
/// challenge, body or content type is reported, not silently accepted.
#[test]
fn harness_reports_every_mismatch() {
    let wrong = Case::new(
        "self-test",
        SEED4.error(OAuthError::InvalidToken).with_description(error_text!("x")),
        Endpoint::Resource,
        400,
    )
    .body(json!({ "error": "invalid_token" }));
    let m = wrong.mismatches();
    assert!(m.iter().any(|s| s.starts_with("status 401")), "{m:?}");
    assert!(m.iter().any(|s| s.starts_with("WWW-Authenticate")), "{m:?}");
    assert!(m.iter().any(|s| s.starts_with("body")), "{m:?}");

    let mut wrong_type =
        Case::new("self-test", SEED4.error(OAuthError::InvalidGrant), Endpoint::Token, 400)
            .body(json!({ "error": "invalid_grant" }));
    wrong_type.content_type = "application/problem+json";
    assert_eq!(wrong_type.mismatches().len(), 1);
    wrong_type.content_type = "application/json";
    assert!(wrong_type.mismatches().is_empty());
}
