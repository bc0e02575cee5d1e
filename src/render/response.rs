//! Rendering to `http::Response<Bytes>`, framework-free.
//!
//! One function decides every response's status, headers and body:
//!
//! 1. **Status.** An explicit [`ErrorResponse::with_status`] wins; then the
//!    [`Contract`]'s rule for the code (and endpoint); then the table
//!    ([`OAuthError::status_at`]), with `invalid_client` at client-authenticating endpoints
//!    ([`Endpoint::authenticates_clients`])
//!    becoming 401 exactly when the client used the `Authorization` header
//!    ([`ClientAuth::Header`]) and 400 otherwise (RFC 6749 §5.2).
//! 2. **Challenges.** The error's own challenges; else the contract rule's; else the
//!    client-authentication challenge for a 401 `invalid_client`; else, for a 401 or where
//!    the table says the code is challenged at this endpoint
//!    ([`CodeInfo::challenged_at`](crate::CodeInfo::challenged_at): every resource access
//!    error at [`Endpoint::Resource`], and a code rejecting the access token —
//!    `invalid_token`, `insufficient_scope`, the DPoP codes… — at every endpoint that
//!    [accepts access tokens](Endpoint::accepts_access_tokens)), a synthesised `Bearer`
//!    challenge (`DPoP` for the DPoP codes) carrying the error parameters — RFC 6750 §3
//!    makes the header mandatory whenever a token does not enable access, and a 401 without
//!    a challenge is not valid HTTP (RFC 9110 §11.6.1). **Every 401 this crate produces
//!    carries a challenge.** Other errors (a 404, a 429, `invalid_request` outside
//!    [`Endpoint::Resource`]) get no challenge unless they carry one.
//! 3. **A challenge only ever rides on a 401 or an RFC 6750 §3.1 pair.** A challenge asks
//!    the client to authenticate (again), which is what a 401 means (RFC 9110 §15.5.2);
//!    RFC 6750 §3.1 also pairs it with the 400 of `invalid_request` and the 403 of
//!    `insufficient_scope` where access tokens are checked. An error that carries its own
//!    challenge ([`ErrorResponse::with_challenge`](crate::ErrorResponse::with_challenge)) is
//!    therefore resolved so that status and challenge never contradict each other:
//!    * where the code is challenged at this endpoint
//!      ([`CodeInfo::challenged_at`](crate::CodeInfo::challenged_at)), and on a 401: the
//!      status and the challenge as they are;
//!    * on a **400** — RFC 6749 §5.2's status for any error "unless specified otherwise" —
//!      the challenge specifies it: the response is a **401**. So `invalid_client` with a
//!      `Basic` challenge is the 401 of RFC 6749 §5.2 and `invalid_dpop_proof` with a
//!      `DPoP` challenge the 401 of RFC 9449 §7.1, wherever they are rendered;
//!    * on **any other status** (403, 404, 405, 413, 429, 5xx) the status stands — it
//!      answers the request whatever the credentials, and turning a rate limit or an
//!      outage into a 401 would send clients to re-authenticate — and **the challenge is
//!      not sent** (logged at WARN with the `tracing` feature).
//! 4. **Headers.** `Content-Type` from the body format; `Cache-Control: no-store` always;
//!    `Pragma: no-cache` unless the contract turns it off; `WWW-Authenticate`, one field line
//!    per challenge; `Retry-After` on 413, 429 and 503 only (see [`RetryAfter`](crate::RetryAfter));
//!    `DPoP-Nonce` when set; `Allow` on every 405 (RFC 9110 §15.5.6: the methods given with
//!    [`ErrorResponse::method_not_allowed`](crate::ErrorResponse::method_not_allowed) or
//!    [`ErrorResponse::with_allow`](crate::ErrorResponse::with_allow)). **A 405 rendered
//!    without methods sends an empty `Allow:`** (RFC 9110 §10.2.1: "the resource allows no
//!    methods"), and a `use_dpop_nonce` rendered without a nonce sends no `DPoP-Nonce`:
//!    neither can be ruled out by the types, so both are logged at WARN with the
//!    `tracing` feature.
//! 5. **Body.** The contract's format (RFC 6749 JSON by default). A description-less
//!    error under the default format is served from a precomputed `&'static` body: no
//!    serialisation, no body allocation.

use std::borrow::Cow;

use bytes::Bytes;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, PRAGMA, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderMap, Response, StatusCode};

use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::body::{BodyContext, oauth_json_len, write_oauth_json};
use crate::wire::challenge::{Challenge, ClientAuth, Scheme};
use crate::wire::contract::{Contract, StatusRule};
use crate::wire::error::{Details, ErrorResponse};
use crate::wire::headers::{self, APPLICATION_JSON, NO_CACHE, NO_STORE, RetryAfter};

const BEARER: Challenge = Challenge::new(Scheme::Bearer);
const DPOP: Challenge = Challenge::new(Scheme::DPoP);
const UNAUTHORIZED: StatusCode = StatusCode::UNAUTHORIZED;

/// The resolved status and challenges of an error at an endpoint.
pub(crate) struct Resolved<'a> {
    pub(crate) status: StatusCode,
    pub(crate) challenges: Cow<'a, [Challenge]>,
}

fn status_code(n: u16) -> StatusCode {
    StatusCode::from_u16(n).unwrap_or(StatusCode::BAD_REQUEST)
}

fn default_challenge(code: &OAuthError) -> Challenge {
    if code.info().is_dpop_error() { DPOP } else { BEARER }
}

impl ErrorResponse {
    pub(crate) fn resolve(&self, endpoint: Endpoint) -> Resolved<'_> {
        let own: &[Challenge] = self.challenges();
        let contract = self.contract();
        // RFC 6750 §3: challenged whatever its status (the table's fact).
        let challenged = self.code.info().challenged_at(endpoint);
        let with = |status: StatusCode, fallback: Option<Challenge>| -> Resolved<'_> {
            // An own challenge goes on a 401 or an RFC 6750 §3.1 pair; it makes a 400 a
            // 401; any other status stands and the challenge is not sent.
            let (status, own) = if own.is_empty() || challenged || status == UNAUTHORIZED {
                (status, own)
            } else if status == StatusCode::BAD_REQUEST {
                (UNAUTHORIZED, own)
            } else {
                (status, &[][..])
            };
            let needs = status == UNAUTHORIZED || challenged;
            let challenges = if !own.is_empty() {
                Cow::Borrowed(own)
            } else if let Some(c) = fallback {
                Cow::Owned(vec![c])
            } else if needs {
                Cow::Owned(vec![default_challenge(&self.code)])
            } else {
                Cow::Borrowed(&[][..])
            };
            Resolved { status, challenges }
        };
        // RFC 6749 §5.2: a client that authenticated with the `Authorization` header MUST get
        // 401 and a challenge for its scheme — no override can downgrade that.
        if let (OAuthError::InvalidClient, ClientAuth::Header(c), true) =
            (&self.code, self.client_auth(), endpoint.authenticates_clients())
        {
            // The client's scheme first (without error parameters: they belong to the body),
            // then any challenge the error carries itself.
            let mut all = Vec::with_capacity(1 + own.len());
            all.push(c.clone().informational());
            all.extend(own.iter().cloned());
            return Resolved { status: StatusCode::UNAUTHORIZED, challenges: Cow::Owned(all) };
        }
        if let Some(s) = self.status_override() {
            return with(s.get(), None);
        }
        match contract.status_rule(&self.code, endpoint) {
            Some(StatusRule::Status(s)) => return with(s.get(), None),
            Some(StatusRule::Unauthorized(c)) => {
                return with(StatusCode::UNAUTHORIZED, Some(c.clone()));
            }
            None => {}
        }
        if self.code == OAuthError::InvalidClient && endpoint.authenticates_clients() {
            // Body, assertion, mTLS or no authentication: 400 (RFC 6749 §5.2).
            return with(StatusCode::BAD_REQUEST, None);
        }
        with(status_code(self.code.status_at(endpoint)), None)
    }

    /// The HTTP status this error renders with at `endpoint`, under its contract: the
    /// explicit [status](Self::with_status), else the contract's rule, else the table
    /// ([`OAuthError::status_at`]); `invalid_client` follows the client's authentication
    /// ([`with_client_auth`](Self::with_client_auth)), and an attached challenge turns a
    /// 400 into a 401 ([`with_challenge`](Self::with_challenge)).
    ///
    /// ```
    /// use oauth_errors::{Challenge, ClientAuth, Endpoint, OAuthError, ErrorResponse};
    ///
    /// let e = ErrorResponse::from(OAuthError::InvalidClient);
    /// assert_eq!(e.resolve_status(Endpoint::Token), 400);
    /// let e = e.with_client_auth(ClientAuth::basic("as"));
    /// assert_eq!(e.resolve_status(Endpoint::Token), 401);
    ///
    /// // A challenge makes a 400 a 401; RFC 6750 §3.1 pairs keep their status:
    /// let proof = OAuthError::InvalidDpopProof.with_challenge(Challenge::dpop());
    /// assert_eq!(proof.resolve_status(Endpoint::Token), 401);
    /// let scope = OAuthError::InsufficientScope.with_challenge(Challenge::bearer().scope("write"));
    /// assert_eq!(scope.resolve_status(Endpoint::Resource), 403);
    /// // Any other status stands (and the challenge is not sent):
    /// let busy = OAuthError::TooManyRequests.with_challenge(Challenge::bearer().realm("api"));
    /// assert_eq!(busy.resolve_status(Endpoint::Api), 429);
    /// ```
    pub fn resolve_status(&self, endpoint: Endpoint) -> StatusCode {
        self.resolve(endpoint).status
    }

    /// Renders the full response at `endpoint`.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let r = OAuthError::InsufficientScope
    ///     .with_description("needs write")
    ///     .to_response(Endpoint::Resource);
    /// assert_eq!(r.status(), 403);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer error="insufficient_scope", error_description="needs write""#
    /// );
    /// assert_eq!(r.headers()["pragma"], "no-cache");
    /// ```
    pub fn to_response(&self, endpoint: Endpoint) -> Response<Bytes> {
        render(self, endpoint)
    }

    /// Renders the full response at the error's own endpoint ([`at`](Self::at)), else
    /// the contract's default endpoint, else the code's own
    /// ([`CodeInfo::default_endpoint`](crate::CodeInfo::default_endpoint): [`Endpoint::Resource`]
    /// for the resource-only codes, [`Endpoint::Token`] otherwise). Used by the framework
    /// adapters.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let err = OAuthError::InvalidDpopProof.with_description("bad proof");
    /// assert_eq!(err.response().status(), 400); // the token endpoint (the default)
    ///
    /// let r = err.at(Endpoint::Resource).response();
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"DPoP error="invalid_dpop_proof", error_description="bad proof""#
    /// );
    /// ```
    pub fn response(&self) -> Response<Bytes> {
        render(self, self.effective_endpoint())
    }

    /// The body alone, as [`response`](Self::response) would send it, in the contract's
    /// body format (RFC 6749 JSON by default).
    ///
    /// ```
    /// use oauth_errors::OAuthError;
    ///
    /// let err = OAuthError::InvalidScope.with_description("unknown scope");
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     br#"{"error":"invalid_scope","error_description":"unknown scope"}"#
    /// );
    /// assert_eq!(err.to_body(), err.response().into_body());
    /// ```
    pub fn to_body(&self) -> Bytes {
        let endpoint = self.effective_endpoint();
        let status = self.resolve(endpoint).status;
        body(self, endpoint, status).1
    }
}

impl OAuthError {
    /// Renders this bare code at `endpoint` under the default contract, from a
    /// precomputed body.
    ///
    /// Two codes are incomplete without context a bare code cannot carry: **`use_dpop_nonce`
    /// renders without the `DPoP-Nonce` header** the client needs (RFC 9449 §8, §9) — use
    /// [`ErrorResponse::use_dpop_nonce`] — and **`method_not_allowed` renders with an empty
    /// `Allow`** — use [`ErrorResponse::method_not_allowed`]. With the `tracing` feature
    /// both are logged at WARN.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let r = OAuthError::TemporarilyUnavailable.to_response(Endpoint::Token);
    /// assert_eq!(r.status(), 503);
    /// assert_eq!(r.body().as_ref(), br#"{"error":"temporarily_unavailable"}"#);
    ///
    /// // Incomplete: no nonce for the client to use.
    /// let r = OAuthError::UseDpopNonce.to_response(Endpoint::Token);
    /// assert!(r.headers().get("dpop-nonce").is_none());
    /// ```
    #[inline]
    pub fn to_response(&self, endpoint: Endpoint) -> Response<Bytes> {
        // Without events to emit, nothing needs the error value: straight from the table.
        #[cfg(not(any(feature = "tracing", feature = "log")))]
        if let Some((status, info)) = bare_plan(self, Contract::oauth2(), endpoint) {
            return bare_response(status, info, true);
        }
        render(&ErrorResponse::new(self.clone()), endpoint)
    }
}

fn body(err: &ErrorResponse, endpoint: Endpoint, status: StatusCode) -> (http::HeaderValue, Bytes) {
    let contract = err.contract();
    // One scan of the contract's rules (none for the default contract).
    let format = if contract.is_plain() { None } else { contract.format_for(err.code(), endpoint) };
    let fast = format.is_none()
        && err.description().is_none()
        && err.uri().is_none()
        && err.members().is_empty()
        && contract.members().is_empty();
    if fast {
        if let Some(info) = err.code().known_info() {
            return (APPLICATION_JSON, Bytes::from_static(info.static_body.as_bytes()));
        }
    }
    let ctx = BodyContext::new(status, endpoint, contract.members());
    if format.is_none() {
        if let Some(len) = oauth_json_len(err, &ctx) {
            let mut out = Vec::with_capacity(len);
            write_oauth_json(err, &ctx, &mut out);
            return (APPLICATION_JSON, Bytes::from(out));
        }
    }
    let mut out = Vec::with_capacity(96);
    if let Some(format) = format {
        if format.write_body(err, &ctx, &mut out).is_ok() {
            return (format.content_type(), Bytes::from(out));
        }
        out.clear();
    }
    write_oauth_json(err, &ctx, &mut out);
    (APPLICATION_JSON, Bytes::from(out))
}

/// What a rendered response lacks that its code needs, if anything: the MUSTs the types
/// cannot enforce, logged at WARN (features `tracing` and `log`).
#[cfg(any(feature = "tracing", feature = "log"))]
fn incomplete(
    err: &ErrorResponse,
    status: StatusCode,
    challenges: &[Challenge],
) -> Option<&'static str> {
    if challenges.len() < err.challenges().len() {
        return Some(
            "WWW-Authenticate challenge not sent: only a 401 or an RFC 6750 §3.1 access error carries one (ErrorResponse::with_challenge)",
        );
    }
    if status == StatusCode::METHOD_NOT_ALLOWED && err.allow().is_empty() {
        return Some(
            "405 sent with an empty Allow header: give the methods with ErrorResponse::method_not_allowed (RFC 9110 §15.5.6)",
        );
    }
    let needs_nonce = err.code().action() == crate::ClientAction::RetryWithNonce;
    if needs_nonce && err.dpop_nonce().is_none() {
        return Some(
            "use_dpop_nonce sent without a DPoP-Nonce header: build it with ErrorResponse::use_dpop_nonce (RFC 9449 §8, §9)",
        );
    }
    None
}

/// The status and table row of a bare known code under a plain contract
/// ([`Contract::is_plain`]) when it needs no header beyond the three every error carries:
/// then status and body come straight from the table and every header value is `const`.
/// `None` for anything else (the general path decides).
#[inline]
fn bare_plan(
    code: &OAuthError,
    contract: &Contract,
    endpoint: Endpoint,
) -> Option<(StatusCode, &'static crate::CodeInfo)> {
    let info = code.known_info()?;
    if !contract.is_plain() {
        return None;
    }
    // As `resolve`: a bare `invalid_client` at a client-authenticating endpoint is a 400
    // (no `Authorization` header was used, RFC 6749 §5.2).
    let status = if *code == OAuthError::InvalidClient && endpoint.authenticates_clients() {
        StatusCode::BAD_REQUEST
    } else {
        status_code(info.status_at(endpoint))
    };
    // A challenge (401, or challenged here) or an `Allow` (405): the general path.
    if status == UNAUTHORIZED
        || status == StatusCode::METHOD_NOT_ALLOWED
        || info.challenged_at(endpoint)
    {
        return None;
    }
    Some((status, info))
}

/// The response of a [`bare_plan`]: the table's body, `const` header values.
#[inline]
fn bare_response(
    status: StatusCode,
    info: &'static crate::CodeInfo,
    pragma: bool,
) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from_static(info.static_body.as_bytes()));
    *response.status_mut() = status;
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, APPLICATION_JSON);
    h.insert(CACHE_CONTROL, NO_STORE);
    if pragma {
        h.insert(PRAGMA, NO_CACHE);
    }
    response
}

fn render(err: &ErrorResponse, endpoint: Endpoint) -> Response<Bytes> {
    if err.details().is_none_or(Details::is_bare) {
        let contract = err.contract();
        if let Some((status, info)) = bare_plan(&err.code, contract, endpoint) {
            #[cfg(any(feature = "tracing", feature = "log"))]
            let warning = incomplete(err, status, &[]);
            #[cfg(feature = "tracing")]
            trace(err, endpoint, status, status, warning);
            #[cfg(feature = "log")]
            crate::render::log::log(err, endpoint, status, status, warning);
            return bare_response(status, info, contract.pragma_no_cache());
        }
    }
    let Resolved { status, challenges } = err.resolve(endpoint);
    #[cfg(any(feature = "tracing", feature = "log"))]
    let warning = incomplete(err, status, &challenges);
    #[cfg(feature = "tracing")]
    trace(err, endpoint, status, status, warning);
    #[cfg(feature = "log")]
    crate::render::log::log(err, endpoint, status, status, warning);
    let (content_type, body) = body(err, endpoint, status);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, content_type);
    no_store(h, err.contract());
    for c in challenges.iter() {
        h.append(WWW_AUTHENTICATE, c.to_header_value(Some(err)));
    }
    if let Some(r) = err.retry_after() {
        if RetryAfter::is_sent_with(status) {
            h.insert(RETRY_AFTER, r.to_header_value());
        }
    }
    if let Some(n) = err.dpop_nonce() {
        h.insert(headers::DPOP_NONCE, n.to_header_value());
    }
    // RFC 9110 §15.5.6: a 405 MUST carry `Allow`; with no methods given it is empty
    // ("the resource allows no methods", §10.2.1, is the only truthful default) and the
    // render is logged at WARN.
    if status == StatusCode::METHOD_NOT_ALLOWED {
        let methods: Vec<&str> = err.allow().iter().map(http::Method::as_str).collect();
        if let Ok(v) = http::HeaderValue::from_str(&methods.join(", ")) {
            h.insert(http::header::ALLOW, v);
        }
    }
    response
}

/// One event per rendered error (feature `tracing`, target `oauth_errors`). Fields:
/// `error` (the code), `status` (the status **sent**: 303, 302 or 200 for a redirected
/// authorization error), `error_status` (the error's own status, the same as `status` for
/// a direct response), `endpoint`, `description`, `cause` and, when the response lacks
/// something its code needs, `warning`. Level: ERROR when the error's own status is 5xx,
/// else WARN with a `warning`, else DEBUG. The cause is only ever logged.
#[cfg(feature = "tracing")]
pub(crate) fn trace(
    err: &ErrorResponse,
    endpoint: Endpoint,
    sent: StatusCode,
    own: StatusCode,
    warning: Option<&'static str>,
) {
    let code = err.code().as_str();
    let description = err.description().map(|d| d.as_str());
    let cause = err.cause().map(|c| c as &(dyn std::error::Error + 'static));
    macro_rules! event {
        ($level:ident) => {
            tracing::$level!(
                target: "oauth_errors",
                error = code,
                status = sent.as_u16(),
                error_status = own.as_u16(),
                endpoint = endpoint.as_str(),
                description,
                cause,
                warning,
                "OAuth error response"
            )
        };
    }
    if own.is_server_error() || sent.is_server_error() {
        event!(error);
    } else if warning.is_some() {
        event!(warn);
    } else {
        event!(debug);
    }
}

pub(crate) fn no_store(h: &mut HeaderMap, contract: &Contract) {
    h.insert(CACHE_CONTROL, NO_STORE);
    if contract.pragma_no_cache() {
        h.insert(PRAGMA, NO_CACHE);
    }
}

/// The answer to a protected-resource request that carried **no credentials**: 401 with
/// one or more challenges and **no error information** (RFC 6750 §3.1: "the resource
/// server SHOULD NOT include an error code or other error information"; RFC 9449 §7.2).
///
/// The body is empty; `Cache-Control: no-store` is sent.
///
/// ```
/// use oauth_errors::{AuthenticationRequired, Challenge};
///
/// let r = AuthenticationRequired::new(Challenge::bearer().realm("example")).to_response();
/// assert_eq!(r.status(), 401);
/// assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="example""#);
/// assert!(r.body().is_empty());
///
/// // Bearer and DPoP together (RFC 9449 §7.2):
/// let r = AuthenticationRequired::new(Challenge::bearer().realm("example"))
///     .and(Challenge::dpop().algs("ES256 PS256"))
///     .to_response();
/// let values: Vec<_> = r.headers().get_all("www-authenticate").iter().collect();
/// assert_eq!(values, [r#"Bearer realm="example""#, r#"DPoP algs="ES256 PS256""#]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthenticationRequired {
    challenges: Vec<Challenge>,
    contract: Option<&'static Contract>,
}

impl AuthenticationRequired {
    /// One challenge (see the [type-level example](AuthenticationRequired)).
    pub fn new(challenge: Challenge) -> Self {
        AuthenticationRequired { challenges: vec![challenge], contract: None }
    }

    /// Adds another challenge, sent as its own `WWW-Authenticate` field line after the
    /// previous ones (see the [type-level example](AuthenticationRequired)).
    #[must_use]
    pub fn and(mut self, challenge: Challenge) -> Self {
        self.challenges.push(challenge);
        self
    }

    /// Renders under `contract` (only its `Pragma` setting applies: there is no body).
    ///
    /// ```
    /// use oauth_errors::{AuthenticationRequired, Challenge, Contract};
    ///
    /// let auth = AuthenticationRequired::new(Challenge::bearer().realm("api"));
    /// assert_eq!(auth.to_response().headers()["pragma"], "no-cache");
    /// let r = auth.with_contract(Contract::oauth21()).to_response();
    /// assert!(r.headers().get("pragma").is_none());
    /// assert_eq!(r.headers()["cache-control"], "no-store");
    /// ```
    #[must_use]
    pub fn with_contract(mut self, contract: &'static Contract) -> Self {
        self.contract = Some(contract);
        self
    }

    /// The challenges, in the order they are sent.
    ///
    /// ```
    /// use oauth_errors::{AuthenticationRequired, Challenge};
    ///
    /// let auth = AuthenticationRequired::new(Challenge::bearer().realm("api")).and(Challenge::dpop());
    /// assert_eq!(auth.challenges(), [Challenge::bearer().realm("api"), Challenge::dpop()]);
    /// ```
    pub fn challenges(&self) -> &[Challenge] {
        &self.challenges
    }

    /// The response: 401, an empty body, `Cache-Control: no-store` (plus `Pragma:
    /// no-cache` unless the contract turns it off) and one `WWW-Authenticate` field line per
    /// challenge (see the [type-level example](AuthenticationRequired)).
    pub fn to_response(&self) -> Response<Bytes> {
        let mut response = Response::new(Bytes::new());
        *response.status_mut() = StatusCode::UNAUTHORIZED;
        let h = response.headers_mut();
        no_store(h, self.contract.unwrap_or(Contract::oauth2()));
        for c in &self.challenges {
            h.append(WWW_AUTHENTICATE, c.to_header_value(None));
        }
        response
    }
}
