//! OpenAPI documentation of error responses (feature `utoipa`, utoipa 6, which needs
//! Rust 1.88).
//!
//! Everything here is derived from the one code table and from the crate's own
//! rendering: each documented error is **rendered** with the crate and the resulting
//! `http::Response` is read back, so the status, the headers, the content type and the
//! example bodies in the document are the bytes the service sends.
//!
//! * [`ErrorResponses`] — the error responses of one operation: status → description,
//!   the codes that produce it (listed in the description, in the body schema's `error`
//!   enum and in the `x-oauth-errors` extension), the body schema of the format that
//!   writes it ([`BodyFormat::json_schema`](crate::BodyFormat::json_schema): RFC 6749 JSON,
//!   RFC 9457 problem details or a contract's own format), one example per error, and
//!   the headers (`WWW-Authenticate`, `Retry-After`, `DPoP-Nonce`, `Cache-Control`,
//!   `Pragma`, `Allow`, `Location`) as OpenAPI header objects.
//! * [`error_responses!`](crate::error_responses) — a type implementing
//!   [`utoipa::IntoResponses`] from an [`ErrorResponses`], for
//!   `#[utoipa::path(responses(...))]`.
//! * [`OAuthErrorBody`] — the RFC 6749 body as a [`ToSchema`] component;
//!   [`body_schema`] — any format's schema for given codes and status.
//! * [`security_schemes`] — `securitySchemes` matching the challenges the service sends.
//!
//! ```
//! use oauth_errors::openapi::ErrorResponses;
//! use oauth_errors::{ClientAuth, Endpoint, OAuthError};
//!
//! oauth_errors::error_responses! {
//!     /// The errors `POST /token` answers with.
//!     struct TokenErrors = ErrorResponses::new(Endpoint::Token)
//!         .codes([OAuthError::InvalidRequest, OAuthError::InvalidClient, OAuthError::InvalidGrant])
//!         .client_auth(ClientAuth::basic("demo"));
//! }
//!
//! #[utoipa::path(post, path = "/token", responses((status = 200, description = "An access token"), TokenErrors))]
//! async fn token() {}
//!
//! #[derive(utoipa::OpenApi)]
//! #[openapi(paths(token))]
//! struct Api;
//!
//! use utoipa::OpenApi as _;
//! let doc = serde_json::to_value(Api::openapi())?;
//! let responses = &doc["paths"]["/token"]["post"]["responses"];
//! assert_eq!(responses["400"]["x-oauth-errors"], serde_json::json!(["invalid_request", "invalid_client", "invalid_grant"]));
//! assert_eq!(responses["401"]["x-oauth-errors"], serde_json::json!(["invalid_client"]));
//! assert_eq!(responses["401"]["headers"]["WWW-Authenticate"]["example"], r#"Basic realm="demo""#);
//! assert_eq!(
//!     responses["400"]["content"]["application/json"]["examples"]["invalid_grant"]["value"],
//!     serde_json::json!({ "error": "invalid_grant" })
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Choices
//!
//! * **Header presence.** utoipa 6's header object has no `required` field, so each header's
//!   description starts with *Always sent.* when every error of that response carries it,
//!   and says which codes carry it otherwise. `Retry-After` is documented on every 413, 429
//!   and 503 response (the crate sends it there whenever the error has one,
//!   [`RetryAfter::is_sent_with`](crate::RetryAfter::is_sent_with)).
//! * **`invalid_client`.** At an endpoint that authenticates clients, a code whose status
//!   depends on the client's authentication method (RFC 6749 §5.2: 401 with a challenge for
//!   the `Authorization` header, 400 otherwise) is documented under both statuses.
//! * **DPoP.** utoipa 6 has no `http` security scheme value for the `DPoP` authentication
//!   scheme (RFC 9449 §7.1), so DPoP is documented as two API keys that go together: the
//!   `Authorization` header (`DPoP <access token>`) and the `DPoP` proof header.
//! * **Redirected errors** are documented under their redirect status (or 200 for
//!   `form_post`) with the `Location` header; the operation's own success redirect, if it
//!   shares the status, is combined with [`ErrorResponses::merge_into`].

use std::collections::BTreeMap;

use bytes::Bytes;
use http::{HeaderName, Response as HttpResponse, StatusCode};
use serde_json::{Value, json};
use utoipa::openapi::content::{Content, ContentBuilder};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::response::{Response, ResponseBuilder, Responses};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::authorize::{AuthorizationError, ResponseMode, verify_redirect_uri};
use crate::render::response::AuthenticationRequired;
use crate::taxonomy::code::{ClientAction, OAuthError};
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::body::{BodyFormat, OAuthJson};
use crate::wire::challenge::{Challenge, ClientAuth, DpopNonce, Scheme};
use crate::wire::contract::Contract;
use crate::wire::error::ErrorResponse;
use crate::wire::headers::RetryAfter;
use crate::wire::schema::SchemaContext;

/// The utoipa crate this module builds on, for [`error_responses!`](crate::error_responses)
/// and for services that want to name its types through this crate.
pub use utoipa;

/// The extension member listing the codes of a documented response, in order.
pub const CODES_EXTENSION: &str = "x-oauth-errors";

/// The extension member set to `true` on a response that is also sent without error
/// information: the 401 challenge for a request without usable credentials
/// ([`ErrorResponses::authentication_required`]).
pub const NO_ERROR_EXTENSION: &str = "x-oauth-no-error";

/// The component name of the Bearer security scheme ([`security_schemes`]).
pub const BEARER_SCHEME: &str = "Bearer";
/// The component name of the DPoP `Authorization` security scheme ([`security_schemes`]).
pub const DPOP_SCHEME: &str = "DPoP";
/// The component name of the DPoP proof header security scheme ([`security_schemes`]).
pub const DPOP_PROOF_SCHEME: &str = "DPoP-Proof";
/// The component name of the Basic (client authentication) security scheme
/// ([`security_schemes`]).
pub const BASIC_SCHEME: &str = "Basic";

/// The redirect URI used by [`ErrorResponses::redirected`] examples.
pub const EXAMPLE_REDIRECT_URI: &str = "https://client.example.com/cb";

/// The DPoP nonce in examples of codes whose client action is to retry with a nonce.
const EXAMPLE_NONCE: &str = "eyJ7S_zG.eyJH0-Z.HX4w-7v";
/// The `Retry-After` used to find out whether a response can carry one.
const PROBE_RETRY_AFTER: u64 = 30;

/// What one documented error is.
#[derive(Debug, Clone)]
enum Entry {
    /// A bare code, materialised with the builder's settings when built.
    Code(OAuthError),
    /// An error exactly as the service sends it.
    Error(ErrorResponse),
    /// An authorization error delivered to the redirect URI.
    Redirect(AuthorizationError),
    /// A 401 challenge without error information.
    Challenge(AuthenticationRequired),
}

/// The error responses of one operation, rendered with the crate and written as
/// OpenAPI response objects.
///
/// Start from an endpoint's codes ([`for_endpoint`](Self::for_endpoint), from the table)
/// or from nothing ([`new`](Self::new)), add the codes and errors the handler really
/// returns, then [`build`](Self::build) (or convert with `.into()`, or use
/// [`error_responses!`](crate::error_responses)).
///
/// ```
/// use oauth_errors::openapi::ErrorResponses;
/// use oauth_errors::{Challenge, Endpoint, OAuthError};
///
/// let responses = ErrorResponses::new(Endpoint::Resource)
///     .challenge(Challenge::bearer().realm("api"))
///     .codes([OAuthError::InvalidToken, OAuthError::InsufficientScope])
///     .error(OAuthError::TooManyRequests.with_retry_after(10u64).at(Endpoint::Api))
///     .build();
/// let doc = serde_json::to_value(&responses)?;
/// assert_eq!(doc["401"]["headers"]["WWW-Authenticate"]["example"], r#"Bearer realm="api", error="invalid_token""#);
/// assert_eq!(doc["403"]["x-oauth-errors"][0], "insufficient_scope");
/// assert_eq!(doc["429"]["headers"]["Retry-After"]["example"], "10");
/// assert!(doc["429"]["headers"].get("WWW-Authenticate").is_none()); // rendered at `Api`
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ErrorResponses {
    endpoint: Endpoint,
    contract: &'static Contract,
    client_auth: ClientAuth,
    challenges: Vec<Challenge>,
    entries: Vec<Entry>,
}

impl ErrorResponses {
    /// No errors yet, rendered at `endpoint` (errors that name their own endpoint with
    /// [`ErrorResponse::at`] render there).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::Endpoint;
    ///
    /// assert!(ErrorResponses::new(Endpoint::Token).build().responses.is_empty());
    /// ```
    pub fn new(endpoint: Endpoint) -> Self {
        ErrorResponses {
            endpoint,
            contract: Contract::oauth2(),
            client_auth: ClientAuth::basic("example"),
            challenges: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Every code the table assigns to `endpoint` ([`Endpoint::codes`]); narrow it with
    /// [`only`](Self::only).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let all = ErrorResponses::for_endpoint(Endpoint::Revocation);
    /// assert_eq!(all.codes_documented(), Endpoint::Revocation.codes().collect::<Vec<_>>());
    /// let doc = serde_json::to_value(all.build())?;
    /// let statuses: Vec<&String> = doc.as_object().unwrap().keys().collect();
    /// assert_eq!(statuses, ["400", "401", "405", "429"]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn for_endpoint(endpoint: Endpoint) -> Self {
        ErrorResponses::new(endpoint).codes(endpoint.codes())
    }

    /// Adds bare codes. Each is rendered at the builder's endpoint under its contract; a
    /// code whose client action is to retry with a DPoP nonce carries an example nonce
    /// (RFC 9449 §8), and a code whose status depends on the client's authentication
    /// method is documented for both (see [`client_auth`](Self::client_auth)).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Token).codes([OAuthError::UseDpopNonce]).build(),
    /// )?;
    /// assert_eq!(doc["400"]["headers"]["DPoP-Nonce"]["example"], "eyJ7S_zG.eyJH0-Z.HX4w-7v");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn codes(mut self, codes: impl IntoIterator<Item = OAuthError>) -> Self {
        self.entries.extend(codes.into_iter().map(Entry::Code));
        self
    }

    /// Adds an error exactly as the handler sends it (description, members, challenges,
    /// `Retry-After`, client authentication, status override, endpoint, contract): its
    /// rendering is the example.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, ErrorStatus, OAuthError};
    ///
    /// let too_large = OAuthError::InvalidRequest
    ///     .with_description("The request body is too large")
    ///     .with_status(ErrorStatus::PAYLOAD_TOO_LARGE);
    /// let doc = serde_json::to_value(ErrorResponses::new(Endpoint::Token).error(too_large).build())?;
    /// assert_eq!(
    ///     doc["413"]["content"]["application/json"]["examples"]["invalid_request"]["value"]["error_description"],
    ///     "The request body is too large"
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn error(mut self, error: impl Into<ErrorResponse>) -> Self {
        self.entries.push(Entry::Error(error.into()));
        self
    }

    /// Adds several errors (see [`error`](Self::error)).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let r = ErrorResponses::new(Endpoint::Api)
    ///     .errors([OAuthError::ServerError.into(), OAuthError::TemporarilyUnavailable.with_retry_after(5u64)]);
    /// assert_eq!(r.codes_documented(), [OAuthError::ServerError, OAuthError::TemporarilyUnavailable]);
    /// ```
    pub fn errors(mut self, errors: impl IntoIterator<Item = ErrorResponse>) -> Self {
        self.entries.extend(errors.into_iter().map(Entry::Error));
        self
    }

    /// Adds an authorization error delivered to the client's redirect URI (or answered
    /// directly when its code is never redirected).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, ResponseMode};
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"]).unwrap();
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Authorization)
    ///         .redirect(AuthorizationError::new(OAuthError::LoginRequired, uri.clone()))
    ///         .redirect(AuthorizationError::new(OAuthError::AccessDenied, uri).mode(ResponseMode::FormPost))
    ///         .build(),
    /// )?;
    /// assert_eq!(doc["303"]["headers"]["Location"]["example"], "https://client.example.com/cb?error=login_required");
    /// assert_eq!(doc["200"]["x-oauth-errors"][0], "access_denied");
    /// assert!(doc["200"]["content"]["text/html;charset=utf-8"]["example"].as_str().unwrap().contains(r#"value="access_denied""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn redirect(mut self, error: AuthorizationError) -> Self {
        self.entries.push(Entry::Redirect(error));
        self
    }

    /// Adds `codes` redirected to [`EXAMPLE_REDIRECT_URI`] in `mode` (see
    /// [`redirect`](Self::redirect)).
    ///
    /// ```
    /// use oauth_errors::authorize::ResponseMode;
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Authorization)
    ///         .redirected([OAuthError::ConsentRequired, OAuthError::InvalidClient], ResponseMode::Query)
    ///         .build(),
    /// )?;
    /// assert_eq!(doc["303"]["x-oauth-errors"], serde_json::json!(["consent_required"]));
    /// assert_eq!(doc["400"]["x-oauth-errors"], serde_json::json!(["invalid_client"])); // never redirected
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn redirected(
        mut self,
        codes: impl IntoIterator<Item = OAuthError>,
        mode: ResponseMode,
    ) -> Self {
        if let Ok(uri) = verify_redirect_uri(None, &[EXAMPLE_REDIRECT_URI]) {
            for code in codes {
                let error = ErrorResponse::new(code).with_contract(self.contract);
                self.entries
                    .push(Entry::Redirect(AuthorizationError::new(error, uri.clone()).mode(mode)));
            }
        }
        self
    }

    /// Adds the 401 answer to a request without usable credentials: challenges and no
    /// error information (RFC 6750 §3.1).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{AuthenticationRequired, Challenge, Endpoint};
    ///
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Resource)
    ///         .authentication_required(AuthenticationRequired::new(Challenge::bearer().realm("api")))
    ///         .build(),
    /// )?;
    /// assert_eq!(doc["401"]["headers"]["WWW-Authenticate"]["example"], r#"Bearer realm="api""#);
    /// assert_eq!(doc["401"]["x-oauth-errors"], serde_json::json!([]));
    /// assert_eq!(doc["401"]["x-oauth-no-error"], true);
    /// assert!(doc["401"].get("content").is_none());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn authentication_required(mut self, answer: AuthenticationRequired) -> Self {
        self.entries.push(Entry::Challenge(answer));
        self
    }

    /// The contract bare codes ([`codes`](Self::codes), [`redirected`](Self::redirected))
    /// render under (default [`Contract::oauth2`]); errors added whole keep their own.
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Contract, Endpoint, ErrorStatus, OAuthError, ProblemJson};
    ///
    /// static API: LazyLock<Contract> = LazyLock::new(|| {
    ///     Contract::builder()
    ///         .status(OAuthError::InvalidRequest, ErrorStatus::UNPROCESSABLE_ENTITY)
    ///         .format(ProblemJson::new())
    ///         .build()
    /// });
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Api).contract(&API).codes([OAuthError::InvalidRequest]).build(),
    /// )?;
    /// let content = &doc["422"]["content"]["application/problem+json"];
    /// assert_eq!(content["schema"]["properties"]["status"]["enum"], serde_json::json!([422]));
    /// assert_eq!(content["examples"]["invalid_request"]["value"]["title"], "Unprocessable Entity");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn contract(mut self, contract: &'static Contract) -> Self {
        self.contract = contract;
        self
    }

    /// The header-based client authentication whose failure bare codes are documented
    /// with (default `Basic realm="example"`): at an endpoint that authenticates clients, a
    /// code whose status changes with it (`invalid_client`: 401 + this challenge instead
    /// of 400) is documented under both statuses. [`ClientAuth::basic`] or any
    /// [`ClientAuth::Header`]; other values turn the header variant off.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{ClientAuth, Endpoint, OAuthError};
    ///
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Token)
    ///         .client_auth(ClientAuth::Body)
    ///         .codes([OAuthError::InvalidClient])
    ///         .build(),
    /// )?;
    /// assert!(doc.get("401").is_none());
    /// assert_eq!(doc["400"]["x-oauth-errors"][0], "invalid_client");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn client_auth(mut self, auth: ClientAuth) -> Self {
        self.client_auth = auth;
        self
    }

    /// A challenge bare codes carry instead of the one the crate would synthesise with the
    /// same scheme (for example `Bearer realm="api"` instead of a bare `Bearer`). Codes
    /// whose rendering has no challenge of that scheme are unaffected.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Challenge, Endpoint, OAuthError};
    ///
    /// let doc = serde_json::to_value(
    ///     ErrorResponses::new(Endpoint::Resource)
    ///         .challenge(Challenge::bearer().realm("api"))
    ///         .codes([OAuthError::InvalidToken, OAuthError::InvalidDpopProof, OAuthError::NotFound])
    ///         .build(),
    /// )?;
    /// let ex = &doc["401"]["headers"]["WWW-Authenticate"]["examples"];
    /// assert_eq!(ex["invalid_token"]["value"], r#"Bearer realm="api", error="invalid_token""#);
    /// assert_eq!(ex["invalid_dpop_proof"]["value"], r#"DPoP error="invalid_dpop_proof""#);
    /// assert!(doc["404"]["headers"].get("WWW-Authenticate").is_none());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn challenge(mut self, challenge: Challenge) -> Self {
        self.challenges.push(challenge);
        self
    }

    /// Keeps only the documented errors whose code is in `codes` (the
    /// [`AuthenticationRequired`] answer, which has no code, is kept).
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let token = ErrorResponses::for_endpoint(Endpoint::Token)
    ///     .only([OAuthError::InvalidRequest, OAuthError::InvalidGrant, OAuthError::SlowDown]);
    /// assert_eq!(token.codes_documented(), [OAuthError::InvalidRequest, OAuthError::InvalidGrant, OAuthError::SlowDown]);
    /// ```
    pub fn only(mut self, codes: impl IntoIterator<Item = OAuthError>) -> Self {
        let keep: Vec<OAuthError> = codes.into_iter().collect();
        self.entries.retain(|e| match entry_code(e) {
            Some(code) => keep.contains(code),
            None => true,
        });
        self
    }

    /// The documented codes, each once, in the order they were added.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let r = ErrorResponses::new(Endpoint::Token)
    ///     .codes([OAuthError::InvalidGrant])
    ///     .error(OAuthError::InvalidGrant.with_description("code expired"));
    /// assert_eq!(r.codes_documented(), [OAuthError::InvalidGrant]);
    /// ```
    pub fn codes_documented(&self) -> Vec<OAuthError> {
        let mut out: Vec<OAuthError> = Vec::new();
        for code in self.entries.iter().filter_map(entry_code) {
            if !out.contains(code) {
                out.push(code.clone());
            }
        }
        out
    }

    /// Every documented error rendered, in order: the responses the document is built
    /// from, for tests that compare it with a live service.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{ClientAuth, Endpoint, OAuthError};
    ///
    /// let rendered = ErrorResponses::new(Endpoint::Token)
    ///     .client_auth(ClientAuth::basic("demo"))
    ///     .codes([OAuthError::InvalidClient])
    ///     .rendered();
    /// let statuses: Vec<u16> = rendered.iter().map(|r| r.status().as_u16()).collect();
    /// assert_eq!(statuses, [400, 401]);
    /// ```
    pub fn rendered(&self) -> Vec<HttpResponse<Bytes>> {
        self.examples().into_iter().map(|e| e.response).collect()
    }

    /// The response objects, keyed by status.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let responses = ErrorResponses::new(Endpoint::Token)
    ///     .codes([OAuthError::InvalidGrant, OAuthError::TemporarilyUnavailable])
    ///     .build();
    /// let keys: Vec<&String> = responses.responses.keys().collect();
    /// assert_eq!(keys, ["400", "503"]);
    /// ```
    pub fn build(&self) -> Responses {
        let mut groups: BTreeMap<u16, Vec<Example>> = BTreeMap::new();
        for example in self.examples() {
            groups.entry(example.response.status().as_u16()).or_default().push(example);
        }
        let mut responses = Responses::new();
        for (status, examples) in groups {
            responses.responses.insert(status.to_string(), RefOr::T(response_object(&examples)));
        }
        responses
    }

    /// Adds the responses to `responses`, combining each with an existing response of the
    /// same status (an operation's own success redirect, say): descriptions are joined,
    /// headers and content types the existing response lacks are added, examples are
    /// added to a content type both have, and the code lists are joined.
    ///
    /// ```
    /// use oauth_errors::openapi::ErrorResponses;
    /// use oauth_errors::authorize::ResponseMode;
    /// use oauth_errors::{Endpoint, OAuthError};
    /// use utoipa::openapi::{ResponseBuilder, ResponsesBuilder};
    ///
    /// let mut responses = ResponsesBuilder::new()
    ///     .response("303", ResponseBuilder::new().description("Redirect with an authorization code"))
    ///     .build();
    /// ErrorResponses::new(Endpoint::Authorization)
    ///     .redirected([OAuthError::AccessDenied], ResponseMode::Query)
    ///     .merge_into(&mut responses);
    /// let doc = serde_json::to_value(&responses)?;
    /// assert!(doc["303"]["description"].as_str().unwrap().starts_with("Redirect with an authorization code\n\n"));
    /// assert_eq!(doc["303"]["x-oauth-errors"][0], "access_denied");
    /// assert_eq!(doc["303"]["headers"]["Location"]["example"], "https://client.example.com/cb?error=access_denied");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn merge_into(&self, responses: &mut Responses) {
        for (status, new) in self.build().responses {
            match responses.responses.get_mut(&status) {
                Some(RefOr::T(existing)) => {
                    if let RefOr::T(new) = new {
                        merge_response(existing, new);
                    }
                }
                Some(RefOr::Ref(_)) => {}
                None => {
                    responses.responses.insert(status, new);
                }
            }
        }
    }

    fn examples(&self) -> Vec<Example> {
        let mut out = Vec::new();
        for entry in &self.entries {
            match entry {
                Entry::Code(code) => {
                    for error in self.materialise(code) {
                        out.push(self.render_error(&error));
                    }
                }
                Entry::Error(error) => out.push(self.render_error(error)),
                Entry::Redirect(error) => {
                    let inner = error.error().clone();
                    let inner = match inner.endpoint() {
                        Some(_) => inner,
                        None => inner.at(Endpoint::Authorization),
                    };
                    out.push(Example {
                        code: Some(inner.code().clone()),
                        note: redirect_note(error),
                        response: error.to_response(),
                        probe_retry_after: false,
                        error: Some(inner),
                    });
                }
                Entry::Challenge(answer) => out.push(Example {
                    code: None,
                    note: String::from("no usable credentials"),
                    response: answer.to_response(),
                    probe_retry_after: false,
                    error: None,
                }),
            }
        }
        out
    }

    /// A bare code as the builder's settings render it: one error, or two when the
    /// status depends on the client's authentication method.
    fn materialise(&self, code: &OAuthError) -> Vec<ErrorResponse> {
        let mut base =
            ErrorResponse::new(code.clone()).with_contract(self.contract).at(self.endpoint);
        if code.action() == ClientAction::RetryWithNonce {
            if let Ok(nonce) = DpopNonce::new(EXAMPLE_NONCE) {
                base = base.with_dpop_nonce(nonce);
            }
        }
        let rendered = base.to_response(self.endpoint);
        if let Some(challenge) = self.challenge_for(&rendered) {
            base = base.with_challenge(challenge);
        }
        if let ClientAuth::Header(_) = &self.client_auth {
            let header = base.clone().with_client_auth(self.client_auth.clone());
            if header.resolve_status(self.endpoint) != base.resolve_status(self.endpoint) {
                return vec![base.with_client_auth(ClientAuth::Body), header];
            }
        }
        vec![base]
    }

    /// The configured challenge replacing the synthesised one of the same scheme.
    fn challenge_for(&self, rendered: &HttpResponse<Bytes>) -> Option<Challenge> {
        let value = rendered.headers().get(http::header::WWW_AUTHENTICATE)?.to_str().ok()?;
        let scheme = value.split(' ').next()?;
        self.challenges.iter().find(|c| c.scheme().as_str().eq_ignore_ascii_case(scheme)).cloned()
    }

    fn render_error(&self, error: &ErrorResponse) -> Example {
        let endpoint = error.endpoint().unwrap_or(self.endpoint);
        let mut notes = Vec::new();
        match error.client_auth() {
            ClientAuth::None => {}
            ClientAuth::Header(_) => {
                notes.push("client authentication in the Authorization header")
            }
            _ => notes.push("client authentication without the Authorization header"),
        }
        if error.status_override().is_some() {
            notes.push("status set by the handler");
        }
        Example {
            code: Some(error.code().clone()),
            note: notes.join("; "),
            response: error.to_response(endpoint),
            probe_retry_after: error.retry_after().is_none(),
            error: Some(error.clone().at(endpoint)),
        }
    }
}

impl From<ErrorResponses> for Responses {
    fn from(r: ErrorResponses) -> Responses {
        r.build()
    }
}

/// What [`utoipa::IntoResponses::responses`] returns, so an implementation is one line:
/// `ErrorResponses::new(…).codes(…).into()`.
///
/// ```
/// use std::collections::BTreeMap;
/// use oauth_errors::openapi::ErrorResponses;
/// use oauth_errors::{Endpoint, OAuthError};
/// use utoipa::openapi::{RefOr, Response};
///
/// struct RevokeErrors;
/// impl utoipa::IntoResponses for RevokeErrors {
///     fn responses() -> BTreeMap<String, RefOr<Response>> {
///         ErrorResponses::new(Endpoint::Revocation).codes([OAuthError::UnsupportedTokenType]).into()
///     }
/// }
/// assert!(<RevokeErrors as utoipa::IntoResponses>::responses().contains_key("400"));
/// ```
impl From<ErrorResponses> for BTreeMap<String, RefOr<Response>> {
    fn from(r: ErrorResponses) -> Self {
        r.build().responses
    }
}

fn entry_code(entry: &Entry) -> Option<&OAuthError> {
    match entry {
        Entry::Code(code) => Some(code),
        Entry::Error(e) => Some(e.code()),
        Entry::Redirect(e) => Some(e.error().code()),
        Entry::Challenge(_) => None,
    }
}

fn redirect_note(error: &AuthorizationError) -> String {
    if !error.redirects() {
        return String::from("never redirected");
    }
    match error.location() {
        Some(_) => String::from("redirected to the client"),
        None => String::from("form_post to the client"),
    }
}

/// One documented error and its rendering.
struct Example {
    code: Option<OAuthError>,
    note: String,
    response: HttpResponse<Bytes>,
    /// Whether the error could carry a `Retry-After` it does not have.
    probe_retry_after: bool,
    /// The error, for its contract's body format.
    error: Option<ErrorResponse>,
}

impl Example {
    fn key(&self) -> String {
        match &self.code {
            Some(code) => code.as_str().to_owned(),
            None => String::from("no_credentials"),
        }
    }

    fn content_type(&self) -> Option<&str> {
        if self.response.body().is_empty() {
            return None;
        }
        self.response.headers().get(http::header::CONTENT_TYPE)?.to_str().ok()
    }

    /// Whether the response would carry `Retry-After` if the error had one.
    fn can_retry_after(&self) -> bool {
        let Some(error) = self.error.as_ref().filter(|_| self.probe_retry_after) else {
            return false;
        };
        let endpoint = error.endpoint().unwrap_or_default();
        error
            .clone()
            .with_retry_after(RetryAfter::Seconds(PROBE_RETRY_AFTER))
            .to_response(endpoint)
            .headers()
            .contains_key(http::header::RETRY_AFTER)
    }
}

/// The headers documented, with what they are.
const HEADERS: [(&str, &str); 7] = [
    (
        "WWW-Authenticate",
        "The challenge: for a resource error the scheme with the error parameters \
         (RFC 6750 §3, RFC 9449 §7.1); for a client authentication failure the scheme the \
         client used (RFC 6749 §5.2).",
    ),
    ("Retry-After", "When to retry: delay in seconds or an HTTP-date (RFC 9110 §10.2.3)."),
    ("DPoP-Nonce", "The nonce the client must put in its next DPoP proof (RFC 9449 §8, §9)."),
    ("Cache-Control", "Error responses are never cached (RFC 6749 §5.1)."),
    (
        "Pragma",
        "For HTTP/1.0 caches, as RFC 6749 §5.1 asks (RFC 9111 §5.4 deprecates it; OAuth 2.1 \
         contracts leave it out).",
    ),
    ("Allow", "The methods the resource supports (RFC 9110 §10.2.1)."),
    (
        "Location",
        "The client's verified redirect URI with `error`, `error_description`, `error_uri`, \
         `state` and `iss` in the query or fragment (RFC 6749 §4.1.2.1, RFC 9207).",
    ),
];

fn response_object(examples: &[Example]) -> Response {
    let status = examples.first().map(|e| e.response.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut codes: Vec<&str> = Vec::new();
    for code in examples.iter().filter_map(|e| e.code.as_ref()) {
        if !codes.contains(&code.as_str()) {
            codes.push(code.as_str());
        }
    }
    let mut builder = ResponseBuilder::new().description(description(status, examples, &codes));

    for (name, about) in HEADERS {
        if let Some(header) = header_object(name, about, examples) {
            builder = builder.header(name, header);
        }
    }

    let mut content_types: Vec<&str> = Vec::new();
    for ct in examples.iter().filter_map(Example::content_type) {
        if !content_types.contains(&ct) {
            content_types.push(ct);
        }
    }
    for ct in content_types {
        let of_type: Vec<&Example> =
            examples.iter().filter(|e| e.content_type() == Some(ct)).collect();
        builder = builder.content(ct, content_object(status, &of_type));
    }

    let mut extensions: Extensions = [(CODES_EXTENSION, json!(codes))].into_iter().collect();
    if examples.iter().any(|e| e.code.is_none()) {
        extensions.insert(NO_ERROR_EXTENSION.to_owned(), Value::Bool(true));
    }
    builder.extensions(Some(extensions)).build()
}

fn description(status: StatusCode, examples: &[Example], codes: &[&str]) -> String {
    let reason = status.canonical_reason().unwrap_or("Error");
    let mut out = String::from(reason);
    if status.is_redirection() || status == StatusCode::OK {
        out.push_str(
            ": the authorization error is delivered to the client's verified redirect URI",
        );
        if status == StatusCode::OK {
            out.push_str(" by an auto-submitting HTML form (`form_post`)");
        }
        out.push('.');
    } else {
        out.push('.');
    }
    if !codes.is_empty() {
        out.push_str(" OAuth error codes: ");
        let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        out.push_str(&listed.join(", "));
        out.push('.');
    }
    if examples.iter().any(|e| e.code.is_none()) {
        out.push_str(
            " Without usable credentials: a challenge and no error information (RFC 6750 §3.1), \
             with an empty body.",
        );
    }
    out
}

fn header_object(name: &str, about: &str, examples: &[Example]) -> Option<Header> {
    let header = HeaderName::from_bytes(name.as_bytes()).ok()?;
    let mut values: Vec<(String, String)> = Vec::new();
    let mut carried_by: Vec<String> = Vec::new();
    for e in examples {
        if let Some(v) = e.response.headers().get(&header).and_then(|v| v.to_str().ok()) {
            values.push((e.key(), v.to_owned()));
            if !carried_by.contains(&e.key()) {
                carried_by.push(e.key());
            }
        }
    }
    let always = values.len() == examples.len();
    let optional =
        header == http::header::RETRY_AFTER && examples.iter().any(Example::can_retry_after);
    if values.is_empty() && !optional {
        return None;
    }
    let presence = if always {
        String::from("Always sent.")
    } else if values.is_empty() {
        String::from("Sent when the server knows when to retry.")
    } else {
        let listed: Vec<String> = carried_by.iter().map(|c| format!("`{c}`")).collect();
        format!("Sent with {}.", listed.join(", "))
    };
    let mut distinct: Vec<&(String, String)> = Vec::new();
    for v in &values {
        if !distinct.iter().any(|d| d.1 == v.1) {
            distinct.push(v);
        }
    }
    let fixed = matches!(name, "Cache-Control" | "Pragma") && distinct.len() == 1 && always;
    let mut schema = ObjectBuilder::new().schema_type(Type::String);
    if fixed {
        schema = schema.enum_values(Some(distinct.iter().map(|d| d.1.clone())));
    }
    let mut builder =
        HeaderBuilder::new().schema(Some(schema)).description(Some(format!("{presence} {about}")));
    match distinct.as_slice() {
        [] => builder = builder.example(Some(json!(PROBE_RETRY_AFTER.to_string()))),
        [(_, v)] => builder = builder.example(Some(json!(v))),
        many => {
            let mut named: Vec<(String, RefOr<utoipa::openapi::example::Example>)> = Vec::new();
            for (key, value) in many {
                let key = unique_key(key, named.iter().map(|(k, _)| k.as_str()));
                named.push((key, ExampleBuilder::new().value(Some(json!(value))).into()));
            }
            builder = builder.examples_from_iter(named);
        }
    }
    Some(builder.build())
}

fn unique_key<'a>(key: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut candidate = key.to_owned();
    let mut n = 2;
    while taken.clone().any(|t| t == candidate) {
        candidate = format!("{key}_{n}");
        n += 1;
    }
    candidate
}

fn content_object(status: StatusCode, examples: &[&Example]) -> Content {
    let mut codes: Vec<OAuthError> = Vec::new();
    for code in examples.iter().filter_map(|e| e.code.as_ref()) {
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    let schema = examples
        .iter()
        .find_map(|e| e.error.as_ref())
        .and_then(|error| {
            let endpoint = error.endpoint().unwrap_or_default();
            let contract = error.contract();
            let ctx = SchemaContext::new(status, endpoint, &codes, contract.members());
            match contract.format_for(error.code(), endpoint) {
                Some(format) => format.json_schema(&ctx),
                None => OAuthJson.json_schema(&ctx),
            }
        })
        .filter(|_| examples.iter().all(|e| is_json(e)))
        .and_then(|v| serde_json::from_value::<RefOr<Schema>>(v).ok());

    let schema = match schema {
        Some(schema) => Some(schema),
        None if !examples.iter().all(|e| is_json(e)) => {
            Some(RefOr::T(Schema::Object(ObjectBuilder::new().schema_type(Type::String).build())))
        }
        None => None,
    };
    let mut builder = ContentBuilder::new().schema(schema);
    if examples.iter().all(|e| is_json(e)) {
        let mut named: Vec<(String, RefOr<utoipa::openapi::example::Example>)> = Vec::new();
        for e in examples {
            let value: Value = serde_json::from_slice(e.response.body()).unwrap_or(Value::Null);
            let key = unique_key(&e.key(), named.iter().map(|(k, _)| k.as_str()));
            let mut summary = e.key();
            if !e.note.is_empty() {
                summary = format!("{summary} ({})", e.note);
            }
            named.push((key, ExampleBuilder::new().summary(summary).value(Some(value)).into()));
        }
        builder = builder.examples_from_iter(named);
    } else if let Some(first) = examples.first() {
        let text = String::from_utf8_lossy(first.response.body()).into_owned();
        builder = builder.example(Some(Value::String(text)));
    }
    builder.build()
}

fn is_json(e: &Example) -> bool {
    e.content_type().is_some_and(|ct| ct.starts_with("application/json") || ct.contains("+json"))
        && serde_json::from_slice::<Value>(e.response.body()).is_ok()
}

fn merge_response(existing: &mut Response, new: Response) {
    if existing.description.is_empty() {
        existing.description = new.description;
    } else {
        existing.description = format!("{}\n\n{}", existing.description, new.description);
    }
    for (name, header) in new.headers {
        existing.headers.entry(name).or_insert(header);
    }
    for (ct, content) in new.content {
        match existing.content.get_mut(&ct) {
            Some(RefOr::T(have)) => {
                if let RefOr::T(content) = content {
                    for (k, v) in content.examples {
                        let k = unique_key(&k, have.examples.keys().map(String::as_str));
                        have.examples.insert(k, v);
                    }
                }
            }
            Some(RefOr::Ref(_)) => {}
            None => {
                existing.content.insert(ct, content);
            }
        }
    }
    let new_codes = new
        .extensions
        .as_ref()
        .and_then(|e| e.get(CODES_EXTENSION).cloned())
        .unwrap_or_else(|| json!([]));
    let extensions = existing.extensions.get_or_insert_with(Extensions::default);
    let mut codes = match extensions.get(CODES_EXTENSION) {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    if let Value::Array(more) = new_codes {
        for c in more {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    extensions.insert(CODES_EXTENSION.to_owned(), Value::Array(codes));
    if let Some(flag) = new.extensions.as_ref().and_then(|e| e.get(NO_ERROR_EXTENSION)) {
        extensions.insert(NO_ERROR_EXTENSION.to_owned(), flag.clone());
    }
}

/// The schema `format` declares for `codes` at `status` and `endpoint` (see
/// [`BodyFormat::json_schema`]), as a utoipa schema. `None` when the format declares none,
/// or declares one utoipa's schema model cannot read.
///
/// ```
/// use http::StatusCode;
/// use oauth_errors::openapi::body_schema;
/// use oauth_errors::{Endpoint, OAuthError, ProblemJson, SchemaContext};
///
/// let codes = [OAuthError::InsufficientScope];
/// let ctx = SchemaContext::new(StatusCode::FORBIDDEN, Endpoint::Resource, &codes, &[]);
/// let schema = body_schema(&ProblemJson::new(), &ctx).unwrap();
/// let json = serde_json::to_value(&schema)?;
/// assert_eq!(json["properties"]["title"]["enum"][0], "Forbidden");
/// assert_eq!(json["required"], serde_json::json!(["type", "title", "status", "error"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn body_schema(format: &dyn BodyFormat, ctx: &SchemaContext<'_>) -> Option<RefOr<Schema>> {
    serde_json::from_value(format.json_schema(ctx)?).ok()
}

/// The RFC 6749 §5.2 error body with every known code, as a schema component named
/// `OAuthError`.
///
/// ```
/// use oauth_errors::openapi::OAuthErrorBody;
/// use utoipa::{PartialSchema, ToSchema};
///
/// assert_eq!(OAuthErrorBody::name(), "OAuthError");
/// let schema = serde_json::to_value(OAuthErrorBody::schema())?;
/// assert_eq!(schema["properties"]["error"]["enum"].as_array().unwrap().len(), oauth_errors::OAuthError::KNOWN.len());
/// assert_eq!(schema["required"], serde_json::json!(["error"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct OAuthErrorBody;

impl PartialSchema for OAuthErrorBody {
    fn schema() -> RefOr<Schema> {
        let ctx =
            SchemaContext::new(StatusCode::BAD_REQUEST, Endpoint::Token, OAuthError::KNOWN, &[]);
        body_schema(&OAuthJson, &ctx)
            .unwrap_or_else(|| RefOr::T(Schema::Object(Default::default())))
    }
}

impl ToSchema for OAuthErrorBody {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("OAuthError")
    }
}

/// The security schemes matching `challenges`, named [`BEARER_SCHEME`],
/// [`DPOP_SCHEME`] + [`DPOP_PROOF_SCHEME`] and [`BASIC_SCHEME`]; each description quotes
/// the challenge an unauthenticated request gets. Challenges with other schemes are
/// skipped.
///
/// ```
/// use oauth_errors::openapi::{security_schemes, BEARER_SCHEME, DPOP_PROOF_SCHEME, DPOP_SCHEME};
/// use oauth_errors::Challenge;
///
/// let schemes = security_schemes([Challenge::bearer().realm("api"), Challenge::dpop().algs("ES256")]);
/// let names: Vec<&str> = schemes.iter().map(|(n, _)| *n).collect();
/// assert_eq!(names, [BEARER_SCHEME, DPOP_SCHEME, DPOP_PROOF_SCHEME]);
/// let bearer = serde_json::to_value(&schemes[0].1)?;
/// assert_eq!(bearer["type"], "http");
/// assert_eq!(bearer["scheme"], "bearer");
/// assert!(bearer["description"].as_str().unwrap().contains(r#"`WWW-Authenticate: Bearer realm="api"`"#));
/// let dpop = serde_json::to_value(&schemes[1].1)?;
/// assert_eq!((dpop["type"].as_str(), dpop["in"].as_str(), dpop["name"].as_str()), (Some("apiKey"), Some("header"), Some("Authorization")));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn security_schemes(
    challenges: impl IntoIterator<Item = Challenge>,
) -> Vec<(&'static str, SecurityScheme)> {
    let mut out = Vec::new();
    for challenge in challenges {
        let shown = format!("`WWW-Authenticate: {challenge}`");
        match challenge.scheme() {
            Scheme::Bearer => out.push((
                BEARER_SCHEME,
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some(format!(
                            "An OAuth 2.0 bearer access token in the `Authorization` header \
                             (RFC 6750 §2.1). Without one the answer is 401 with {shown}; \
                             an invalid token or insufficient scope adds `error` (and \
                             `scope`) to that challenge (RFC 6750 §3)."
                        )))
                        .build(),
                ),
            )),
            Scheme::DPoP => {
                out.push((
                    DPOP_SCHEME,
                    SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                        String::from("Authorization"),
                        format!(
                            "A DPoP-bound access token: `Authorization: DPoP <access token>` \
                             (RFC 9449 §7.1), together with the `{DPOP_PROOF_SCHEME}` proof. \
                             Without one the answer is 401 with {shown}; errors add `error` \
                             to that challenge."
                        ),
                    ))),
                ));
                out.push((
                    DPOP_PROOF_SCHEME,
                    SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                        String::from("DPoP"),
                        String::from(
                            "The DPoP proof JWT for this request (RFC 9449 §4), sent with the \
                             `DPoP` access token.",
                        ),
                    ))),
                ));
            }
            Scheme::Basic => out.push((
                BASIC_SCHEME,
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Basic)
                        .description(Some(format!(
                            "Client authentication with `client_secret_basic` (RFC 6749 \
                             §2.3.1). A failure is 401 `invalid_client` with {shown}."
                        )))
                        .build(),
                ),
            )),
            _ => {}
        }
    }
    out
}

/// Adds [`security_schemes`] for `challenges` to the document's components.
///
/// ```
/// use oauth_errors::openapi::add_security_schemes;
/// use oauth_errors::Challenge;
/// use utoipa::openapi::OpenApiBuilder;
///
/// let mut doc = OpenApiBuilder::new().build();
/// add_security_schemes(&mut doc, [Challenge::basic("demo")]);
/// let json = serde_json::to_value(&doc)?;
/// assert_eq!(json["components"]["securitySchemes"]["Basic"]["scheme"], "basic");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn add_security_schemes(
    openapi: &mut OpenApi,
    challenges: impl IntoIterator<Item = Challenge>,
) {
    let components = openapi.components.get_or_insert_with(Default::default);
    for (name, scheme) in security_schemes(challenges) {
        components.add_security_scheme(name, scheme);
    }
}

/// Declares a type implementing [`utoipa::IntoResponses`] with the responses of an
/// [`ErrorResponses`](crate::openapi::ErrorResponses) expression, for
/// `#[utoipa::path(responses(...))]` (feature `utoipa`).
///
/// ```
/// use oauth_errors::openapi::ErrorResponses;
/// use oauth_errors::{Challenge, Endpoint, OAuthError};
///
/// oauth_errors::error_responses! {
///     /// The errors of `GET /api/read`.
///     pub struct ReadErrors = ErrorResponses::new(Endpoint::Resource)
///         .challenge(Challenge::bearer().realm("api"))
///         .codes([OAuthError::InvalidToken]);
/// }
///
/// use utoipa::IntoResponses;
/// assert!(ReadErrors::responses().contains_key("401"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
#[macro_export]
macro_rules! error_responses {
    ($(#[$meta:meta])* $vis:vis struct $name:ident = $responses:expr;) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        impl $crate::openapi::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::openapi::utoipa::openapi::RefOr<
                    $crate::openapi::utoipa::openapi::response::Response,
                >,
            > {
                ::std::convert::Into::into($crate::openapi::ErrorResponses::from($responses))
            }
        }
    };
}
