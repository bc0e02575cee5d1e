//! [`Contract`]: an API's whole error contract, declared once.

use core::fmt;

use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::body::BodyFormat;
use crate::wire::challenge::Challenge;
use crate::wire::error::{ErrorResponse, ErrorStatus, MemberName, MemberValue};

/// How a contract decides a code's status.
///
/// Usually built implicitly: [`ContractBuilder::status`] takes an [`ErrorStatus`] or a
/// [`Challenge`].
///
/// ```
/// use oauth_errors::{Challenge, Contract, Endpoint, ErrorStatus, OAuthError, StatusRule};
///
/// assert_eq!(StatusRule::from(ErrorStatus::FORBIDDEN), StatusRule::Status(ErrorStatus::FORBIDDEN));
/// let contract = Contract::builder().status(OAuthError::InvalidClient, Challenge::basic("api")).build();
/// assert_eq!(
///     contract.status_rule(&OAuthError::InvalidClient, Endpoint::Token),
///     Some(&StatusRule::Unauthorized(Challenge::basic("api")))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusRule {
    /// A fixed 4xx/5xx status other than 401, 407 and 426 (see [`ErrorStatus`]).
    Status(ErrorStatus),
    /// 401 with this challenge (used when the error carries none of its own): the only
    /// way a contract can make a code 401, so a 401 always has a `WWW-Authenticate`.
    Unauthorized(Challenge),
}

impl From<ErrorStatus> for StatusRule {
    fn from(s: ErrorStatus) -> Self {
        StatusRule::Status(s)
    }
}

impl From<Challenge> for StatusRule {
    fn from(c: Challenge) -> Self {
        StatusRule::Unauthorized(c)
    }
}

struct Rule {
    code: OAuthError,
    endpoint: Option<Endpoint>,
    status: Option<StatusRule>,
    format: Option<Box<dyn BodyFormat>>,
}

/// An API's error contract: status overrides per code (and endpoint), the body format
/// (per code if needed), fixed extra members, `Pragma`, and a default endpoint.
///
/// Declare it once — usually in a `static` [`LazyLock`](std::sync::LazyLock) — and make
/// errors with [`Contract::error`] (or attach it with [`ErrorResponse::with_contract`]);
/// they then render under it everywhere: [`ErrorResponse::to_response`], the axum and
/// actix-web adapters, and [`ErrorResponse::to_body`].
///
/// Without a contract, errors render under [`Contract::oauth2`]: the table's statuses,
/// RFC 6749 JSON, `Cache-Control: no-store` and `Pragma: no-cache`.
///
/// ```
/// use std::sync::LazyLock;
/// use oauth_errors::{Challenge, Contract, Endpoint, ErrorStatus, OAuthError};
///
/// // An API that answers 403 for `unauthorized_client` and 401 for `invalid_client`
/// // whatever the authentication method, and adds `"api_version":"v2"` to every error.
/// static API: LazyLock<Contract> = LazyLock::new(|| {
///     Contract::builder()
///         .status(OAuthError::UnauthorizedClient, ErrorStatus::FORBIDDEN)
///         .status(OAuthError::InvalidClient, Challenge::basic("api"))
///         .member("api_version", "v2")
///         .build()
/// });
///
/// let r = API.error(OAuthError::InvalidClient).to_response(Endpoint::Token);
/// assert_eq!(r.status(), 401);
/// assert_eq!(r.headers()["www-authenticate"], r#"Basic realm="api""#);
/// assert_eq!(r.body().as_ref(), br#"{"error":"invalid_client","api_version":"v2"}"#);
///
/// let r = API.error(OAuthError::UnauthorizedClient).to_response(Endpoint::Token);
/// assert_eq!(r.status(), 403);
/// ```
pub struct Contract {
    rules: Vec<Rule>,
    format: Option<Box<dyn BodyFormat>>,
    members: Vec<(MemberName, MemberValue)>,
    pragma_no_cache: bool,
    endpoint: Option<Endpoint>,
}

static OAUTH2: Contract = Contract {
    rules: Vec::new(),
    format: None,
    members: Vec::new(),
    pragma_no_cache: true,
    endpoint: None,
};

static OAUTH21: Contract = Contract {
    rules: Vec::new(),
    format: None,
    members: Vec::new(),
    pragma_no_cache: false,
    endpoint: None,
};

impl Contract {
    /// The RFC 6749 contract (the default): table statuses, RFC 6749 JSON,
    /// `Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1).
    ///
    /// ```
    /// use oauth_errors::{Contract, ErrorResponse, OAuthError};
    ///
    /// let c = Contract::oauth2();
    /// assert!(c.pragma_no_cache());
    /// assert!(c.members().is_empty() && c.default_endpoint().is_none());
    /// assert_eq!(ErrorResponse::from(OAuthError::InvalidGrant).contract(), c);
    /// ```
    pub fn oauth2() -> &'static Contract {
        &OAUTH2
    }

    /// As [`oauth2`](Self::oauth2) without `Pragma` (OAuth 2.1 §3.2.3 keeps only
    /// `Cache-Control: no-store`; RFC 9111 §5.4 deprecates `Pragma`).
    ///
    /// ```
    /// use oauth_errors::{Contract, Endpoint, OAuthError};
    ///
    /// let r = Contract::oauth21().error(OAuthError::InvalidGrant).to_response(Endpoint::Token);
    /// assert_eq!(r.headers()["cache-control"], "no-store");
    /// assert!(r.headers().get("pragma").is_none());
    /// assert!(!Contract::oauth21().pragma_no_cache());
    /// ```
    pub fn oauth21() -> &'static Contract {
        &OAUTH21
    }

    /// Starts a contract (RFC 6749 defaults; see the [type-level example](Contract) and
    /// [`ContractBuilder`]).
    pub fn builder() -> ContractBuilder {
        ContractBuilder {
            contract: Contract {
                rules: Vec::new(),
                format: None,
                members: Vec::new(),
                pragma_no_cache: true,
                endpoint: None,
            },
        }
    }

    /// An error that renders under this contract: `ErrorResponse::new(code)` plus
    /// [`with_contract(self)`](ErrorResponse::with_contract) (see the
    /// [type-level example](Contract)).
    pub fn error(&'static self, code: OAuthError) -> ErrorResponse {
        ErrorResponse::new(code).with_contract(self)
    }

    /// The contract's rule for `code` at `endpoint`: an endpoint-specific rule wins over
    /// an any-endpoint rule.
    ///
    /// ```
    /// use oauth_errors::{Contract, Endpoint, ErrorStatus, OAuthError, StatusRule};
    ///
    /// let c = Contract::builder()
    ///     .status(OAuthError::AccessDenied, ErrorStatus::FORBIDDEN)
    ///     .status_at(OAuthError::AccessDenied, Endpoint::Api, ErrorStatus::NOT_FOUND)
    ///     .build();
    /// let at = |e| c.status_rule(&OAuthError::AccessDenied, e).cloned();
    /// assert_eq!(at(Endpoint::Token), Some(StatusRule::Status(ErrorStatus::FORBIDDEN)));
    /// assert_eq!(at(Endpoint::Api), Some(StatusRule::Status(ErrorStatus::NOT_FOUND)));
    /// assert_eq!(c.status_rule(&OAuthError::InvalidGrant, Endpoint::Token), None);
    /// ```
    pub fn status_rule(&self, code: &OAuthError, endpoint: Endpoint) -> Option<&StatusRule> {
        self.find(code, endpoint, |r| r.status.as_ref())
    }

    /// The body format for `code` at `endpoint`: a per-code format, else the contract's,
    /// else `None` (RFC 6749 JSON).
    ///
    /// ```
    /// use oauth_errors::{Contract, Endpoint, OAuthError, ProblemJson};
    ///
    /// let c = Contract::builder().format_for(OAuthError::InsufficientScope, ProblemJson::new()).build();
    /// let format = c.format_for(&OAuthError::InsufficientScope, Endpoint::Resource);
    /// assert_eq!(format.map(|f| f.content_type()), Some("application/problem+json".parse()?));
    /// assert!(c.format_for(&OAuthError::InvalidToken, Endpoint::Resource).is_none());
    /// # Ok::<(), http::header::InvalidHeaderValue>(())
    /// ```
    pub fn format_for(&self, code: &OAuthError, endpoint: Endpoint) -> Option<&dyn BodyFormat> {
        self.find(code, endpoint, |r| r.format.as_deref()).or(self.format.as_deref())
    }

    fn find<'a, T: ?Sized>(
        &'a self,
        code: &OAuthError,
        endpoint: Endpoint,
        get: impl Fn(&'a Rule) -> Option<&'a T>,
    ) -> Option<&'a T> {
        let matching = |want: Option<Endpoint>| {
            // The latest matching declaration wins, as for members.
            self.rules.iter().rev().filter(|r| r.code == *code && r.endpoint == want).find_map(&get)
        };
        matching(Some(endpoint)).or_else(|| matching(None))
    }

    /// Fixed extra members added to every error body (example at
    /// [`ContractBuilder::member`]).
    pub fn members(&self) -> &[(MemberName, MemberValue)] {
        &self.members
    }

    /// Whether `Pragma: no-cache` is sent (example at
    /// [`ContractBuilder::pragma_no_cache`]).
    pub fn pragma_no_cache(&self) -> bool {
        self.pragma_no_cache
    }

    /// The endpoint errors render at when they do not name one (example at
    /// [`ContractBuilder::default_endpoint`]).
    pub fn default_endpoint(&self) -> Option<Endpoint> {
        self.endpoint
    }

    /// Whether this contract changes nothing a bare code renders with: no rules, no body
    /// format, no fixed members (only `Pragma` and the default endpoint may differ). Bare
    /// codes under such a contract render from precomputed parts.
    pub(crate) fn is_plain(&self) -> bool {
        self.rules.is_empty() && self.format.is_none() && self.members.is_empty()
    }
}

/// Contracts compare by identity: two contracts are equal when they are the same value.
///
/// ```
/// use oauth_errors::Contract;
///
/// assert_eq!(Contract::oauth2(), Contract::oauth2());
/// assert_ne!(Contract::oauth2(), Contract::oauth21());
/// assert_ne!(&Contract::builder().build(), &Contract::builder().build()); // same rules, two values
/// ```
impl PartialEq for Contract {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

impl Eq for Contract {}

impl fmt::Debug for Contract {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Contract")
            .field("rules", &self.rules.len())
            .field("custom_format", &self.format.is_some())
            .field("members", &self.members)
            .field("pragma_no_cache", &self.pragma_no_cache)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

/// Builds a [`Contract`]. Every method is infallible: statuses are already valid
/// ([`ErrorStatus`] cannot be 401, 407 or 426; 401 takes a [`Challenge`]) and member
/// names go through [`MemberName`]'s lossy conversion.
///
/// Obtained from [`Contract::builder`]; finish with [`build`](Self::build) and keep the
/// contract in a `static` so that errors can refer to it:
///
/// ```
/// use std::sync::LazyLock;
/// use oauth_errors::{Contract, Endpoint, ErrorStatus, OAuthError};
///
/// static API: LazyLock<Contract> = LazyLock::new(|| {
///     Contract::builder()
///         .default_endpoint(Endpoint::Api)
///         .status(OAuthError::AccessDenied, ErrorStatus::FORBIDDEN)
///         .pragma_no_cache(false)
///         .build()
/// });
/// let r = API.error(OAuthError::AccessDenied).response();
/// assert_eq!(r.status(), 403);
/// assert!(r.headers().get("pragma").is_none());
/// ```
#[must_use]
pub struct ContractBuilder {
    contract: Contract,
}

impl ContractBuilder {
    /// Status for `code` at every endpoint: an [`ErrorStatus`] or, for 401, a
    /// [`Challenge`] (see the [`Contract`] example).
    pub fn status(self, code: OAuthError, rule: impl Into<StatusRule>) -> Self {
        self.rule(code, None, Some(rule.into()), None)
    }

    /// Status for `code` at one endpoint (wins over [`status`](Self::status)).
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::{Contract, Endpoint, ErrorStatus, OAuthError};
    ///
    /// static API: LazyLock<Contract> = LazyLock::new(|| {
    ///     Contract::builder()
    ///         .status_at(OAuthError::InvalidRequest, Endpoint::Registration, ErrorStatus::UNPROCESSABLE_ENTITY)
    ///         .build()
    /// });
    /// assert_eq!(API.error(OAuthError::InvalidRequest).resolve_status(Endpoint::Registration), 422);
    /// assert_eq!(API.error(OAuthError::InvalidRequest).resolve_status(Endpoint::Token), 400);
    /// ```
    pub fn status_at(
        self,
        code: OAuthError,
        endpoint: Endpoint,
        rule: impl Into<StatusRule>,
    ) -> Self {
        self.rule(code, Some(endpoint), Some(rule.into()), None)
    }

    /// Body format for every error (default: RFC 6749 JSON; see the [`ProblemJson`]
    /// example).
    ///
    /// [`ProblemJson`]: crate::ProblemJson
    pub fn format(mut self, format: impl BodyFormat) -> Self {
        self.contract.format = Some(Box::new(format));
        self
    }

    /// Body format for one code (wins over [`format`](Self::format)).
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::{Contract, Endpoint, OAuthError, ProblemJson};
    ///
    /// static API: LazyLock<Contract> = LazyLock::new(|| {
    ///     Contract::builder().format_for(OAuthError::TooManyRequests, ProblemJson::new()).build()
    /// });
    /// let r = API.error(OAuthError::TooManyRequests).to_response(Endpoint::Api);
    /// assert_eq!(r.headers()["content-type"], "application/problem+json");
    /// let r = API.error(OAuthError::InvalidRequest).to_response(Endpoint::Api);
    /// assert_eq!(r.headers()["content-type"], "application/json");
    /// ```
    pub fn format_for(self, code: OAuthError, format: impl BodyFormat) -> Self {
        self.rule(code, None, None, Some(Box::new(format)))
    }

    /// Body format for one code at one endpoint (wins over
    /// [`format_for`](Self::format_for)).
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::{Contract, Endpoint, OAuthError, ProblemJson};
    ///
    /// static API: LazyLock<Contract> = LazyLock::new(|| {
    ///     Contract::builder()
    ///         .format_for_at(OAuthError::InvalidToken, Endpoint::Resource, ProblemJson::new())
    ///         .build()
    /// });
    /// let at = |e| API.error(OAuthError::InvalidToken).to_response(e).headers()["content-type"].clone();
    /// assert_eq!(at(Endpoint::Resource), "application/problem+json");
    /// assert_eq!(at(Endpoint::Introspection), "application/json");
    /// ```
    pub fn format_for_at(
        self,
        code: OAuthError,
        endpoint: Endpoint,
        format: impl BodyFormat,
    ) -> Self {
        self.rule(code, Some(endpoint), None, Some(Box::new(format)))
    }

    fn rule(
        mut self,
        code: OAuthError,
        endpoint: Option<Endpoint>,
        status: Option<StatusRule>,
        format: Option<Box<dyn BodyFormat>>,
    ) -> Self {
        self.contract.rules.push(Rule { code, endpoint, status, format });
        self
    }

    /// A fixed extra member added to every error body (an error's own member of the same
    /// name wins; a later `member` call with the same name replaces an earlier one). An
    /// absent value (JSON `null` or empty text) removes the member of that name.
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::{Contract, Endpoint, OAuthError};
    ///
    /// static API: LazyLock<Contract> = LazyLock::new(|| {
    ///     Contract::builder().member("api_version", "v2").member("docs", "https://docs.example.com").build()
    /// });
    /// assert_eq!(API.members().len(), 2);
    /// let err = API.error(OAuthError::InvalidGrant).with_member("docs", "https://docs.example.com/grants");
    /// assert_eq!(
    ///     err.to_body().as_ref(),
    ///     br#"{"error":"invalid_grant","docs":"https://docs.example.com/grants","api_version":"v2"}"#
    /// );
    /// ```
    pub fn member(mut self, name: impl Into<MemberName>, value: impl Into<MemberValue>) -> Self {
        let (name, value) = (name.into(), value.into());
        self.contract.members.retain(|(n, _)| *n != name);
        if !value.is_absent() {
            self.contract.members.push((name, value));
        }
        self
    }

    /// Whether to send `Pragma: no-cache` (default `true`, RFC 6749; `false` for OAuth 2.1).
    ///
    /// ```
    /// use oauth_errors::Contract;
    ///
    /// assert!(Contract::builder().build().pragma_no_cache());
    /// assert!(!Contract::builder().pragma_no_cache(false).build().pragma_no_cache());
    /// ```
    pub fn pragma_no_cache(mut self, on: bool) -> Self {
        self.contract.pragma_no_cache = on;
        self
    }

    /// The endpoint errors render at when they do not name one (default
    /// [`Endpoint::Token`]).
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use oauth_errors::{Contract, Endpoint, OAuthError};
    ///
    /// static RS: LazyLock<Contract> =
    ///     LazyLock::new(|| Contract::builder().default_endpoint(Endpoint::Resource).build());
    /// assert_eq!(RS.default_endpoint(), Some(Endpoint::Resource));
    /// // `invalid_token` renders as a resource error: 401 with a `Bearer` challenge.
    /// let r = RS.error(OAuthError::InvalidToken).response();
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);
    /// ```
    pub fn default_endpoint(mut self, endpoint: Endpoint) -> Self {
        self.contract.endpoint = Some(endpoint);
        self
    }

    /// The contract (see the [type-level example](ContractBuilder)).
    pub fn build(self) -> Contract {
        self.contract
    }
}
