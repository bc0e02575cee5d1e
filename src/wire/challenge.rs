//! `WWW-Authenticate` challenges (RFC 9110 §11, RFC 6750 §3, RFC 9449 §7, RFC 9470 §3,
//! RFC 9728 §5.1, RFC 7617 §2), client-authentication context for `invalid_client`, and
//! the DPoP nonce.
//!
//! Challenges are written in one fixed order — `realm`, `scope`, `error`,
//! `error_description`, `error_uri`, `acr_values`, `max_age`, `algs`,
//! `resource_metadata`, `charset`, then custom parameters — with `", "` between
//! parameters and every value as a quoted-string (escaping `"` and `\` as quoted-pairs).
//! Values are sanitised on the way in: control characters become spaces and non-ASCII
//! characters become `?`, so no header line can be injected and rendering never fails.
//!
//! Several challenges are written as several `WWW-Authenticate` field lines (RFC 9110
//! §11.6.1 warns that several challenges on one line "might not be interoperable");
//! [`parse_challenges`] accepts both forms.

use core::fmt;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use http::HeaderValue;

use crate::taxonomy::code::OAuthError;
use crate::wire::error::ErrorResponse;
use crate::wire::text::{self, ErrorText, ErrorUri, TextError};

/// An authentication scheme.
///
/// ```
/// use oauth_errors::{Challenge, Scheme};
///
/// assert_eq!(Scheme::DPoP.as_str(), "DPoP");
/// assert_eq!(Scheme::Bearer.to_string(), "Bearer");
/// assert_eq!(Challenge::basic("api").scheme(), &Scheme::Basic);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// `Bearer` (RFC 6750).
    Bearer,
    /// `DPoP` (RFC 9449).
    DPoP,
    /// `Basic` (RFC 7617), used by `client_secret_basic`.
    Basic,
    /// Any other scheme; built with [`Scheme::new`], so it is always an RFC 9110 `token`.
    Other(SchemeName),
}

/// The name of a [`Scheme::Other`]: an RFC 9110 `token` of at most 64 bytes, only
/// obtainable through [`Scheme::new`].
///
/// ```
/// use oauth_errors::Scheme;
///
/// if let Scheme::Other(name) = Scheme::new("Newauth")? {
///     assert_eq!(name.as_str(), "Newauth");
/// }
/// # Ok::<(), oauth_errors::text::TextError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SchemeName(String);

impl SchemeName {
    /// The name (see the [type-level example](SchemeName)).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Scheme {
    /// The scheme name as written (see the [type-level example](Scheme)).
    pub fn as_str(&self) -> &str {
        match self {
            Scheme::Bearer => "Bearer",
            Scheme::DPoP => "DPoP",
            Scheme::Basic => "Basic",
            Scheme::Other(s) => s.as_str(),
        }
    }

    /// A scheme from its name, matched case-insensitively (RFC 9110 §11.1).
    ///
    /// # Errors
    ///
    /// [`TextError`] if `name` is not an RFC 9110 `token`.
    ///
    /// ```
    /// use oauth_errors::Scheme;
    ///
    /// assert_eq!(Scheme::new("bearer")?, Scheme::Bearer);
    /// assert_eq!(Scheme::new("DPOP")?, Scheme::DPoP);
    /// assert_eq!(Scheme::new("Newauth")?.as_str(), "Newauth");
    /// assert!(Scheme::new("two words").is_err());
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub fn new(name: &str) -> Result<Scheme, TextError> {
        text::check_bytes(name, "auth-scheme", 64, is_tchar)?;
        Ok(if name.eq_ignore_ascii_case("bearer") {
            Scheme::Bearer
        } else if name.eq_ignore_ascii_case("dpop") {
            Scheme::DPoP
        } else if name.eq_ignore_ascii_case("basic") {
            Scheme::Basic
        } else {
            Scheme::Other(SchemeName(name.to_owned()))
        })
    }

    fn carries_errors(&self) -> bool {
        matches!(self, Scheme::Bearer | Scheme::DPoP)
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// RFC 9110 `tchar`.
pub(crate) fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A server-chosen challenge parameter value (realm, `resource_metadata`, `acr_values`,
/// custom values), sanitised to printable ASCII on the way in.
fn sanitize_param(value: &str) -> Cow<'static, str> {
    Cow::Owned(
        value
            .chars()
            .take(MAX_PARAM_LEN)
            .map(|c| match c {
                c if c.is_ascii_control() => ' ',
                c if c.is_ascii() => c,
                _ => '?',
            })
            .collect(),
    )
}

/// The longest challenge parameter value kept, in characters (escaping may double it).
const MAX_PARAM_LEN: usize = 1024;
/// The most custom parameters a challenge keeps.
const MAX_CUSTOM_PARAMS: usize = 16;
/// The largest `WWW-Authenticate` value [`parse_challenges`] reads.
const MAX_PARSE_LEN: usize = 64 * 1024;

fn sanitize_static(value: &'static str) -> Cow<'static, str> {
    if value.len() <= MAX_PARAM_LEN && value.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        Cow::Borrowed(value)
    } else {
        sanitize_param(value)
    }
}

/// A `scope` value: scope-tokens of NQCHAR separated by single spaces (RFC 6749 §3.3,
/// RFC 6750 §3).
///
/// ```
/// use oauth_errors::Scope;
/// assert_eq!(Scope::new("read write").unwrap().as_str(), "read write");
/// assert!(Scope::new("read  write").is_err()); // one space between tokens
/// // Lossy: a token with a forbidden character is dropped whole.
/// assert_eq!(Scope::lossy("  read \"write\"  r\u{e9}ad admin").as_str(), "read admin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope(Cow<'static, str>);

impl Scope {
    /// Checks a scope string.
    ///
    /// # Errors
    ///
    /// [`TextError`] if empty, longer than 4096 bytes, or not `token *( SP token )`.
    ///
    /// ```
    /// use oauth_errors::{Scope, text::TextError};
    ///
    /// assert_eq!(Scope::new("openid profile")?.as_str(), "openid profile");
    /// assert_eq!(Scope::new(" read"), Err(TextError::Forbidden { what: "scope", offset: 0, ch: ' ' }));
    /// assert_eq!(Scope::new(""), Err(TextError::Empty { what: "scope" }));
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(scope: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let scope = scope.into();
        text::check_bytes(&scope, "scope", 4096, |b| b == b' ' || text::is_nqchar(b))?;
        let b = scope.as_bytes();
        if let Some(offset) =
            (0..b.len()).find(|&i| b[i] == b' ' && (i == 0 || i + 1 == b.len() || b[i + 1] == b' '))
        {
            return Err(TextError::Forbidden { what: "scope", offset, ch: ' ' });
        }
        Ok(Scope(scope))
    }

    /// Never fails: drops every token that contains a character outside NQCHAR, keeps the
    /// remaining tokens joined by single spaces, and keeps only whole tokens within 4096
    /// bytes (a cut or filtered token would be a different scope). May be empty (then
    /// omitted).
    ///
    /// ```
    /// use oauth_errors::Scope;
    ///
    /// assert_eq!(Scope::lossy("read\twrite\r\nadmin").as_str(), "read write admin");
    /// assert_eq!(Scope::lossy("\"\\").as_str(), "");
    /// ```
    pub fn lossy(scope: &str) -> Self {
        let mut out = String::new();
        // A token with a forbidden character is dropped whole: filtering characters out of
        // it would make it a different scope (`réad` is not `rad`).
        let tokens = scope
            .split(|c: char| c == ' ' || c.is_ascii_control())
            .filter(|t| !t.is_empty() && t.bytes().all(text::is_nqchar));
        for t in tokens {
            let extra = t.len() + usize::from(!out.is_empty());
            if out.len() + extra > 4096 {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
        Scope(Cow::Owned(out))
    }

    /// The scope string (see the [type-level example](Scope)).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The individual scope tokens.
    ///
    /// ```
    /// use oauth_errors::Scope;
    ///
    /// let scope = Scope::new("openid email profile")?;
    /// assert_eq!(scope.tokens().collect::<Vec<_>>(), ["openid", "email", "profile"]);
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ').filter(|t| !t.is_empty())
    }
}

/// Lossy (see [`Scope::lossy`]).
impl From<&str> for Scope {
    fn from(s: &str) -> Self {
        Scope::lossy(s)
    }
}

/// A DPoP nonce (RFC 9449 §8.1: `1*NQCHAR`), for the `DPoP-Nonce` header.
///
/// ```
/// use oauth_errors::DpopNonce;
/// assert!(DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v").is_ok());
/// assert!(DpopNonce::new("two words").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DpopNonce(Cow<'static, str>);

impl DpopNonce {
    /// Checks a nonce: 1–512 bytes of NQCHAR.
    ///
    /// # Errors
    ///
    /// [`TextError`] naming the first violation.
    ///
    /// ```
    /// use oauth_errors::{DpopNonce, text::TextError};
    ///
    /// assert_eq!(DpopNonce::new("n-1")?.as_str(), "n-1");
    /// assert_eq!(
    ///     DpopNonce::new("a b"),
    ///     Err(TextError::Forbidden { what: "DPoP nonce", offset: 1, ch: ' ' })
    /// );
    /// assert!(matches!(DpopNonce::new("x".repeat(513)), Err(TextError::TooLong { .. })));
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(nonce: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let nonce = nonce.into();
        text::check_bytes(&nonce, "DPoP nonce", 512, text::is_nqchar)?;
        Ok(DpopNonce(nonce))
    }

    /// The nonce (see [`new`](Self::new)).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn to_header_value(&self) -> HeaderValue {
        // NQCHAR is visible ASCII: always a valid header value.
        HeaderValue::from_str(&self.0).unwrap_or(HeaderValue::from_static("invalid"))
    }
}

/// One `WWW-Authenticate` challenge: a scheme and its parameters, except the error
/// parameters, which come from the [`ErrorResponse`] it is attached to.
///
/// A challenge is never written bare where its scheme forbids it: a `Basic` challenge
/// without a realm is written with `realm=""` (RFC 7617 §2 requires the parameter), and a
/// `Bearer` challenge that would carry no parameter at all gets `realm=""` (RFC 6750 §3
/// requires at least one). Set a real realm to avoid both.
///
/// Nor on a status it contradicts: attached to an error, a challenge is sent on a 401 and
/// with the RFC 6750 §3.1 access errors only; it turns a 400 into a 401 and is not sent
/// with any other status (see [`ErrorResponse::with_challenge`]).
///
/// ```
/// use oauth_errors::{Challenge, Endpoint, OAuthError};
///
/// // RFC 6750 §3's example:
/// let err = OAuthError::InvalidToken
///     .with_description("The access token expired")
///     .with_challenge(Challenge::bearer().realm("example"));
/// let response = err.to_response(Endpoint::Resource);
/// assert_eq!(response.status(), 401);
/// assert_eq!(
///     response.headers()["www-authenticate"],
///     r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#
/// );
///
/// // A request without credentials gets a challenge with no error (RFC 6750 §3.1):
/// assert_eq!(Challenge::bearer().realm("example").to_string(), r#"Bearer realm="example""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Challenge {
    scheme: Scheme,
    realm: Option<Cow<'static, str>>,
    scope: Option<Scope>,
    acr_values: Option<Cow<'static, str>>,
    max_age: Option<u64>,
    algs: Option<Cow<'static, str>>,
    resource_metadata: Option<Cow<'static, str>>,
    charset_utf8: bool,
    params: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    informational: bool,
}

impl Challenge {
    /// A challenge for `scheme` with no parameters yet.
    ///
    /// ```
    /// use oauth_errors::{Challenge, Scheme};
    ///
    /// assert_eq!(Challenge::new(Scheme::Bearer), Challenge::bearer());
    /// let custom = Challenge::new(Scheme::new("Newauth")?).realm("apps");
    /// assert_eq!(custom.to_string(), r#"Newauth realm="apps""#);
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub const fn new(scheme: Scheme) -> Self {
        Challenge {
            scheme,
            realm: None,
            scope: None,
            acr_values: None,
            max_age: None,
            algs: None,
            resource_metadata: None,
            charset_utf8: false,
            params: Vec::new(),
            informational: false,
        }
    }

    /// `Bearer` (RFC 6750 §3).
    ///
    /// RFC 6750 §3 requires at least one auth-param after `Bearer`: when the challenge is
    /// sent without error parameters (a request without credentials, or an
    /// [`informational`](Self::informational) challenge), give it a [`realm`](Self::realm),
    /// a [`scope`](Self::scope) or a [`resource_metadata`](Self::resource_metadata).
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// assert_eq!(Challenge::bearer().realm("api").to_string(), r#"Bearer realm="api""#);
    /// ```
    pub fn bearer() -> Self {
        Challenge::new(Scheme::Bearer)
    }

    /// `DPoP` (RFC 9449 §7.1).
    ///
    /// ```
    /// use oauth_errors::{Challenge, Endpoint, OAuthError};
    ///
    /// let r = OAuthError::InvalidDpopProof
    ///     .with_description("Invalid DPoP key binding")
    ///     .with_challenge(Challenge::dpop().algs("ES256"))
    ///     .to_response(Endpoint::Resource);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"DPoP error="invalid_dpop_proof", error_description="Invalid DPoP key binding", algs="ES256""#
    /// );
    /// ```
    pub fn dpop() -> Self {
        Challenge::new(Scheme::DPoP)
    }

    /// `Basic realm="…"` (RFC 7617 §2: `realm` is required), for `invalid_client` with
    /// `client_secret_basic`. Prefer this to `Challenge::new(Scheme::Basic)`, which has no
    /// realm until one is set.
    ///
    /// ```
    /// use oauth_errors::{Challenge, Scheme};
    ///
    /// assert_eq!(Challenge::basic("token").to_string(), r#"Basic realm="token""#);
    /// assert_eq!(Challenge::basic("token"), Challenge::new(Scheme::Basic).realm("token"));
    /// ```
    pub fn basic(realm: impl Into<Cow<'static, str>>) -> Self {
        Challenge::new(Scheme::Basic).realm(realm)
    }

    /// The same challenge for another scheme (every parameter kept).
    pub(crate) fn with_scheme(mut self, scheme: Scheme) -> Self {
        self.scheme = scheme;
        self
    }

    /// The scheme (see the [`Scheme`] example).
    pub fn scheme(&self) -> &Scheme {
        &self.scheme
    }

    /// Sets `realm` (sanitised: control characters → space, non-ASCII → `?`).
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::bearer().realm("Zürich\r\nX: 1");
    /// assert_eq!(c.get_realm(), Some("Z?rich  X: 1"));
    /// assert_eq!(Challenge::bearer().realm(r#"a "b""#).to_string(), r#"Bearer realm="a \"b\"""#);
    /// ```
    #[must_use]
    pub fn realm(mut self, realm: impl Into<Cow<'static, str>>) -> Self {
        self.realm = Some(sanitize_cow(realm.into()));
        self
    }

    /// Sets `scope`: the scope needed (RFC 6750 §3; use with `insufficient_scope`). A
    /// `&str` goes through [`Scope::lossy`]; an empty scope is omitted.
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::bearer().scope("read  write");
    /// assert_eq!(c.get_scope().map(|s| s.as_str()), Some("read write"));
    /// assert_eq!(c.to_string(), r#"Bearer scope="read write""#);
    /// assert_eq!(Challenge::bearer().scope("").get_scope(), None);
    /// ```
    #[must_use]
    pub fn scope(mut self, scope: impl Into<Scope>) -> Self {
        let scope = scope.into();
        self.scope = (!scope.as_str().is_empty()).then_some(scope);
        self
    }

    /// Sets `acr_values` (RFC 9470 §3), space-separated ACR values.
    ///
    /// ```
    /// use oauth_errors::{Challenge, Endpoint, OAuthError};
    ///
    /// // RFC 9470 §3's example:
    /// let r = OAuthError::InsufficientUserAuthentication
    ///     .with_description("A different authentication level is required")
    ///     .with_challenge(Challenge::bearer().acr_values("myACR"))
    ///     .to_response(Endpoint::Resource);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR""#
    /// );
    /// ```
    #[must_use]
    pub fn acr_values(mut self, acr_values: impl Into<Cow<'static, str>>) -> Self {
        self.acr_values = Some(sanitize_cow(acr_values.into()));
        self
    }

    /// Sets `max_age` in seconds (RFC 9470 §3).
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::bearer().realm("api").max_age(5);
    /// assert_eq!(c.to_string(), r#"Bearer realm="api", max_age="5""#);
    /// ```
    #[must_use]
    pub fn max_age(mut self, seconds: u64) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// Sets `algs`, the space-delimited JWS algorithms accepted for DPoP proofs
    /// (RFC 9449 §7.1).
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// assert_eq!(Challenge::dpop().algs("ES256 PS256").to_string(), r#"DPoP algs="ES256 PS256""#);
    /// ```
    #[must_use]
    pub fn algs(mut self, algs: impl Into<Cow<'static, str>>) -> Self {
        self.algs = Some(sanitize_cow(algs.into()));
        self
    }

    /// Sets `resource_metadata`, the URL of the protected resource metadata
    /// (RFC 9728 §5.1).
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::bearer().resource_metadata("https://rs.example.com/.well-known/oauth-protected-resource");
    /// assert_eq!(
    ///     c.to_string(),
    ///     r#"Bearer resource_metadata="https://rs.example.com/.well-known/oauth-protected-resource""#
    /// );
    /// ```
    #[must_use]
    pub fn resource_metadata(mut self, url: impl Into<Cow<'static, str>>) -> Self {
        self.resource_metadata = Some(sanitize_cow(url.into()));
        self
    }

    /// Adds `charset="UTF-8"` (RFC 7617 §2.1). Meaningful for `Basic` only, but written on
    /// whatever challenge it is set.
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::basic("api").charset_utf8();
    /// assert_eq!(c.to_string(), r#"Basic realm="api", charset="UTF-8""#);
    /// ```
    #[must_use]
    pub fn charset_utf8(mut self) -> Self {
        self.charset_utf8 = true;
        self
    }

    /// Adds a custom auth-param. A `name` that is not an RFC 9110 token, that names a
    /// parameter this type writes itself or one already added, or beyond the 16th custom
    /// parameter, is ignored (documented: custom parameters never duplicate or override the
    /// standard ones, RFC 9110 §11.2). Values are sanitised like `realm` and cut at 1024
    /// characters.
    ///
    /// ```
    /// use oauth_errors::Challenge;
    ///
    /// let c = Challenge::bearer()
    ///     .realm("api")
    ///     .param("client_hint", "renew")
    ///     .param("realm", "ignored") // standard parameter: ignored
    ///     .param("bad name", "ignored"); // not a token: ignored
    /// assert_eq!(c.to_string(), r#"Bearer realm="api", client_hint="renew""#);
    /// ```
    #[must_use]
    pub fn param(mut self, name: &'static str, value: impl Into<Cow<'static, str>>) -> Self {
        let reserved = [
            "realm",
            "scope",
            "error",
            "error_description",
            "error_uri",
            "acr_values",
            "max_age",
            "algs",
            "resource_metadata",
            "charset",
        ];
        let ok = self.params.len() < MAX_CUSTOM_PARAMS
            && !name.is_empty()
            && name.len() <= 64
            && name.bytes().all(is_tchar)
            && !reserved.iter().any(|r| r.eq_ignore_ascii_case(name))
            && !self.params.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
        if ok {
            self.params.push((Cow::Borrowed(name), sanitize_cow(value.into())));
        }
        self
    }

    /// Marks this challenge as carrying no error parameters even when attached to an
    /// error — for the second scheme when the failing mechanism is unambiguous
    /// (RFC 9449 §7.2).
    ///
    /// ```
    /// use oauth_errors::{Challenge, Endpoint, OAuthError};
    ///
    /// let r = OAuthError::InvalidDpopProof
    ///     .with_challenge(Challenge::dpop().algs("ES256"))
    ///     .with_challenge(Challenge::bearer().realm("api").informational())
    ///     .to_response(Endpoint::Resource);
    /// let values: Vec<_> = r.headers().get_all("www-authenticate").iter().collect();
    /// assert_eq!(values, [r#"DPoP error="invalid_dpop_proof", algs="ES256""#, r#"Bearer realm="api""#]);
    /// ```
    #[must_use]
    pub fn informational(mut self) -> Self {
        self.informational = true;
        self
    }

    /// `realm`, if set (example at [`realm`](Self::realm)).
    pub fn get_realm(&self) -> Option<&str> {
        self.realm.as_deref()
    }

    /// `scope`, if set (example at [`scope`](Self::scope)).
    pub fn get_scope(&self) -> Option<&Scope> {
        self.scope.as_ref()
    }

    /// Writes the challenge, adding `error`, `error_description` and `error_uri` from
    /// `error` for `Bearer` and `DPoP` challenges that are not informational.
    pub(crate) fn write<O: Out>(&self, out: &mut O, error: Option<&ErrorResponse>) {
        out.put(self.scheme.as_str());
        let first = core::cell::Cell::new(true);
        let param = |out: &mut O, name: &str, value: &str| {
            out.put(if first.replace(false) { " " } else { ", " });
            out.put(name);
            out.put("=\"");
            // A quoted-string: `"` and `\` as quoted-pairs, the rest copied in runs.
            let special = |b: u8| b == b'"' || b == b'\\';
            // A word-at-a-time check first: most values need no escaping.
            if !text::has_quote_or_backslash(value.as_bytes()) {
                out.put(value);
                out.put("\"");
                return;
            }
            let mut rest = value;
            while let Some((run, tail)) =
                rest.bytes().position(special).and_then(|i| rest.split_at_checked(i))
            {
                out.put(run);
                out.put("\\");
                let (special, tail) = tail.split_at_checked(1).unwrap_or((tail, ""));
                out.put(special);
                rest = tail;
            }
            out.put(rest);
            out.put("\"");
        };
        match (&self.realm, &self.scheme) {
            (Some(r), _) => param(out, "realm", r),
            // RFC 7617 §2: `realm` is required for Basic.
            (None, Scheme::Basic) => param(out, "realm", ""),
            (None, _) => {}
        }
        if let Some(s) = &self.scope {
            param(out, "scope", s.as_str());
        }
        if let Some(e) = error.filter(|_| self.scheme.carries_errors() && !self.informational) {
            param(out, "error", e.code().as_str());
            if let Some(d) = e.description() {
                param(out, "error_description", &d.header_safe());
            }
            if let Some(u) = e.uri() {
                param(out, "error_uri", u.as_str());
            }
        }
        if let Some(a) = &self.acr_values {
            param(out, "acr_values", a);
        }
        if let Some(m) = self.max_age {
            let mut buf = String::new();
            let _ = write!(buf, "{m}");
            param(out, "max_age", &buf);
        }
        if let Some(a) = &self.algs {
            param(out, "algs", a);
        }
        if let Some(r) = &self.resource_metadata {
            param(out, "resource_metadata", r);
        }
        if self.charset_utf8 {
            param(out, "charset", "UTF-8");
        }
        for (n, v) in &self.params {
            param(out, n, v);
        }
        // RFC 6750 §3: `Bearer` "MUST be followed by one or more auth-param values".
        if first.get() && self.scheme == Scheme::Bearer {
            param(out, "realm", "");
        }
    }

    /// The challenge as a header value, with error parameters from `error` if given.
    /// Only `Bearer` and `DPoP` challenges carry error parameters (other schemes, such as
    /// `Basic`, define none), and never an [`informational`](Self::informational) one.
    ///
    /// ```
    /// use oauth_errors::{Challenge, OAuthError};
    ///
    /// let c = Challenge::bearer().realm("api");
    /// assert_eq!(c.to_header_value(None), r#"Bearer realm="api""#);
    /// let err = OAuthError::InvalidToken.with_description("expired");
    /// assert_eq!(
    ///     c.to_header_value(Some(&err)),
    ///     r#"Bearer realm="api", error="invalid_token", error_description="expired""#
    /// );
    /// ```
    pub fn to_header_value(&self, error: Option<&ErrorResponse>) -> HeaderValue {
        // Measured first, so the buffer is allocated once at its final size and becomes
        // the header value's storage without a copy.
        let mut len = Len(0);
        self.write(&mut len, error);
        let mut s = String::with_capacity(len.0);
        self.write(&mut s, error);
        // Everything written is printable ASCII (values are sanitised on the way in and
        // error fields are NQSCHAR/URI characters): the conversion cannot fail.
        HeaderValue::from_maybe_shared(bytes::Bytes::from(s.into_bytes()))
            .unwrap_or(HeaderValue::from_static("Bearer"))
    }
}

/// Where [`Challenge::write`] writes: a `String`, or a [`Len`] that only measures.
pub(crate) trait Out {
    /// Appends `s`.
    fn put(&mut self, s: &str);
}

impl Out for String {
    #[inline]
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// The length [`Challenge::write`] would write.
pub(crate) struct Len(pub(crate) usize);

impl Out for Len {
    #[inline]
    fn put(&mut self, s: &str) {
        self.0 += s.len();
    }
}

fn sanitize_cow(value: Cow<'static, str>) -> Cow<'static, str> {
    match value {
        Cow::Borrowed(s) => sanitize_static(s),
        Cow::Owned(s) => {
            if s.len() <= MAX_PARAM_LEN && s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
                Cow::Owned(s)
            } else {
                sanitize_param(&s)
            }
        }
    }
}

impl fmt::Display for Challenge {
    /// The challenge without error parameters (as for a request with no credentials).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write(&mut s, None);
        f.write_str(&s)
    }
}

/// How the client authenticated at the token (or another client-authenticating) endpoint.
///
/// Decides `invalid_client`'s status (RFC 6749 §5.2): **401 with a challenge for the scheme
/// the client used** when it authenticated with the `Authorization` header, **400**
/// otherwise. Because the header variant holds the challenge, a 401 without
/// `WWW-Authenticate` cannot be built.
///
/// ```
/// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// use oauth_errors::ClientAuth;
///
/// let mut headers = HeaderMap::new();
/// assert_eq!(ClientAuth::from_headers(&headers, "demo"), ClientAuth::None);
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic ZGVtbzp4"));
/// assert_eq!(ClientAuth::from_headers(&headers, "demo"), ClientAuth::basic("demo"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ClientAuth {
    /// No client authentication was attempted (or it is not known how).
    #[default]
    None,
    /// Credentials in the request body (`client_secret_post`).
    Body,
    /// A client assertion in the body (`private_key_jwt`, `client_secret_jwt`).
    Assertion,
    /// Mutual TLS (`tls_client_auth`, `self_signed_tls_client_auth`, RFC 8705).
    Mtls,
    /// The `Authorization` request header, with the challenge to answer a failure with
    /// (`Basic realm="…"` for `client_secret_basic`).
    Header(Challenge),
}

impl ClientAuth {
    /// `client_secret_basic` in `realm`.
    ///
    /// ```
    /// use oauth_errors::{Challenge, ClientAuth};
    ///
    /// assert_eq!(ClientAuth::basic("as"), ClientAuth::Header(Challenge::basic("as")));
    /// ```
    pub fn basic(realm: impl Into<Cow<'static, str>>) -> Self {
        ClientAuth::Header(Challenge::basic(realm))
    }

    /// Whether the client used the `Authorization` header.
    ///
    /// ```
    /// use oauth_errors::ClientAuth;
    ///
    /// assert!(ClientAuth::basic("as").used_header());
    /// assert!(!ClientAuth::Body.used_header());
    /// assert!(!ClientAuth::Mtls.used_header());
    /// ```
    pub fn used_header(&self) -> bool {
        matches!(self, ClientAuth::Header(_))
    }

    /// Reads the request's `Authorization` header: present → [`ClientAuth::Header`] with a
    /// challenge for the same scheme and `realm` (a garbage scheme falls back to
    /// `Basic`); absent → [`ClientAuth::None`]. Callers that saw body credentials should
    /// use [`ClientAuth::Body`] instead.
    ///
    /// The challenge names the scheme the client *used*, as RFC 6749 §5.2 asks, even one
    /// the server does not accept; a server that only accepts `Basic` can answer with
    /// [`ClientAuth::basic`] whenever the header is present (as
    /// [`ClientCredentials`](crate::extract::ClientCredentials) does).
    ///
    /// `headers` is anything [`RequestHeaders`](crate::extract::RequestHeaders) reads: an
    /// `http` 1.x header map or request, or an actix-web request.
    ///
    /// ```
    /// # #[cfg(feature = "actix-web")] {
    /// use actix_web::test::TestRequest;
    /// use oauth_errors::ClientAuth;
    ///
    /// let req = TestRequest::default().insert_header(("Authorization", "Basic ZGVtbzp4")).to_http_request();
    /// assert_eq!(ClientAuth::from_headers(&req, "demo"), ClientAuth::basic("demo"));
    /// # }
    /// ```
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// use oauth_errors::{Challenge, ClientAuth, Endpoint, OAuthError};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("DPoP eyJhbGciOi"));
    /// let auth = ClientAuth::from_headers(&headers, "as");
    /// assert_eq!(auth, ClientAuth::Header(Challenge::dpop().realm("as")));
    /// let r = OAuthError::InvalidClient.with_client_auth(auth).to_response(Endpoint::Token);
    /// // The client's scheme, without error parameters (the error is in the body).
    /// assert_eq!(r.headers()["www-authenticate"], r#"DPoP realm="as""#);
    /// ```
    pub fn from_headers(
        headers: &(impl crate::extract::RequestHeaders + ?Sized),
        realm: impl Into<Cow<'static, str>>,
    ) -> Self {
        let values = headers.header_values("authorization");
        let Some(value) = values.first() else {
            return ClientAuth::None;
        };
        let scheme = value
            .split(|&b| b == b' ')
            .next()
            .and_then(|s| core::str::from_utf8(s).ok())
            .and_then(|s| Scheme::new(s).ok())
            .unwrap_or(Scheme::Basic);
        ClientAuth::Header(Challenge::new(scheme).realm(realm))
    }
}

/// A challenge read from a `WWW-Authenticate` header by [`parse_challenges`].
///
/// ```
/// use oauth_errors::parse_challenges;
///
/// let cs = parse_challenges(["Basic realm=simple", "Negotiate YIIGhgYGKwYBBQUCoIIGejCC=="])?;
/// assert_eq!(cs[0].scheme, "Basic");
/// assert_eq!(cs[0].params, [("realm".to_owned(), "simple".to_owned())]);
/// assert_eq!(cs[1].token68.as_deref(), Some("YIIGhgYGKwYBBQUCoIIGejCC=="));
/// # Ok::<(), oauth_errors::ChallengeParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedChallenge {
    /// The scheme as received.
    pub scheme: String,
    /// `token68` credentials, if the challenge used that form.
    pub token68: Option<String>,
    /// Parameters, names lower-cased, values unquoted, in received order; each name at
    /// most once ([`parse_challenges`] refuses a challenge that repeats one).
    pub params: Vec<(String, String)>,
}

impl ParsedChallenge {
    /// A parameter's value by (case-insensitive) name. Names are unique within a parsed
    /// challenge, so there is no "first" or "last" one to choose.
    ///
    /// ```
    /// use oauth_errors::parse_challenges;
    ///
    /// let cs = parse_challenges([r#"Bearer Realm="a \"b\"", scope=read"#])?;
    /// assert_eq!(cs[0].param("REALM"), Some(r#"a "b""#));
    /// assert_eq!(cs[0].param("scope"), Some("read"));
    /// assert_eq!(cs[0].param("error"), None);
    /// # Ok::<(), oauth_errors::ChallengeParseError>(())
    /// ```
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The error this challenge reports, if it has a valid `error` parameter, carrying
    /// the challenge itself ([`to_challenge`](Self::to_challenge)), so that its `realm`,
    /// `scope` and other parameters are not lost. `error_description` goes through
    /// [`ErrorText::unicode`] then the lossy path, `error_uri` through [`ErrorUri::lossy`]
    /// when invalid. To read a whole response, with its body, use
    /// [`ErrorResponse::from_http_parts`].
    ///
    /// ```
    /// use oauth_errors::{Challenge, OAuthError, parse_challenges};
    ///
    /// let cs = parse_challenges([r#"Bearer realm="api", error="insufficient_scope", scope="write""#])?;
    /// let err = cs[0].to_error().expect("has an error parameter");
    /// assert_eq!(err.code(), &OAuthError::InsufficientScope);
    /// assert_eq!(err.challenges(), [Challenge::bearer().realm("api").scope("write")]);
    /// assert!(parse_challenges([r#"Bearer realm="api""#])?[0].to_error().is_none());
    /// # Ok::<(), oauth_errors::ChallengeParseError>(())
    /// ```
    pub fn to_error(&self) -> Option<ErrorResponse> {
        let code = OAuthError::from_code(self.param("error")?).ok()?;
        let mut err = ErrorResponse::new(code);
        if let Some(d) = self.param("error_description") {
            let owned = d.to_owned();
            err = err.with_description(
                ErrorText::unicode(owned.clone()).unwrap_or_else(|_| ErrorText::from(owned)),
            );
        }
        if let Some(u) = self.param("error_uri") {
            err = err.with_uri(ErrorUri::new(u.to_owned()).unwrap_or_else(|_| ErrorUri::lossy(u)));
        }
        if let Some(c) = self.to_challenge() {
            err = err.with_challenge(c);
        }
        Some(err)
    }

    /// Rebuilds the [`Challenge`] from its standard parameters (`realm`, `scope`,
    /// `acr_values`, `max_age`, `algs`, `resource_metadata`, `charset`); error parameters and
    /// custom parameters are not carried over. `None` when the scheme
    /// is not a valid [`Scheme`] (an RFC 9110 `token` of at most 64 bytes).
    ///
    /// ```
    /// use oauth_errors::{Challenge, parse_challenges};
    ///
    /// let cs = parse_challenges([r#"Bearer realm="api", error="insufficient_scope", scope="write""#])?;
    /// assert_eq!(cs[0].to_challenge(), Some(Challenge::bearer().realm("api").scope("write")));
    /// # Ok::<(), oauth_errors::ChallengeParseError>(())
    /// ```
    pub fn to_challenge(&self) -> Option<Challenge> {
        let mut ch = Challenge::new(Scheme::new(&self.scheme).ok()?);
        for (n, v) in &self.params {
            let v = v.clone();
            ch = match n.as_str() {
                "realm" => ch.realm(v),
                "scope" => ch.scope(Scope::lossy(&v)),
                "acr_values" => ch.acr_values(v),
                "max_age" => match v.parse() {
                    Ok(m) => ch.max_age(m),
                    Err(_) => ch,
                },
                "algs" => ch.algs(v),
                "resource_metadata" => ch.resource_metadata(v),
                "charset" if v.eq_ignore_ascii_case("utf-8") => ch.charset_utf8(),
                _ => ch,
            };
        }
        Some(ch)
    }
}

/// Why a `WWW-Authenticate` value could not be parsed.
///
/// ```
/// use oauth_errors::{ChallengeParseError, parse_challenges};
///
/// assert_eq!(
///     parse_challenges([r#"Bearer realm="unterminated"#]),
///     Err(ChallengeParseError::Malformed { offset: 26, reason: "unterminated quoted-string" })
/// );
/// assert_eq!(
///     parse_challenges([vec![b'a'; 70_000]]),
///     Err(ChallengeParseError::TooLarge(70_000))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChallengeParseError {
    /// Longer than the 64 KiB this parser accepts.
    #[error("WWW-Authenticate value of {0} bytes exceeds the 64 KiB limit")]
    TooLarge(usize),
    /// Not the RFC 9110 §11 grammar.
    #[error("malformed WWW-Authenticate value at byte {offset}: {reason}")]
    Malformed {
        /// Where.
        offset: usize,
        /// What was expected.
        reason: &'static str,
    },
    /// A challenge names a parameter twice, compared case-insensitively (RFC 9110 §11.2:
    /// "each parameter name MUST only occur once per challenge"). Which value the sender
    /// meant cannot be known, so the value is refused rather than read as the first or
    /// the last.
    #[error("WWW-Authenticate parameter {name:?} occurs twice in one challenge (byte {offset})")]
    DuplicateParameter {
        /// Where the second occurrence starts.
        offset: usize,
        /// The parameter name, lower-cased.
        name: String,
    },
}

/// Parses `WWW-Authenticate` field values (RFC 9110 §11.6.1): one or more challenges
/// per value, any number of values. Scheme and parameter names are case-insensitive;
/// values may be tokens or quoted-strings (quoted-pairs are unescaped). Empty list
/// elements are skipped wherever the grammar has a list (RFC 9110 §5.6.1.2): between
/// challenges and between auth-params, including right after the scheme
/// (`Bearer , realm="x"`). Never panics; at most 64 KiB per value (every challenge this
/// crate writes is far smaller).
///
/// # Errors
///
/// [`ChallengeParseError`] for input that does not follow the grammar, and
/// [`ChallengeParseError::DuplicateParameter`] for a challenge that names a parameter
/// twice (RFC 9110 §11.2), so that a second `resource_metadata` or `error` can never be
/// silently ignored.
///
/// ```
/// use oauth_errors::{parse_challenges, ChallengeParseError};
///
/// let cs = parse_challenges(["Bearer realm=\"example\", error=\"invalid_token\", DPoP algs=\"ES256 PS256\""])?;
/// assert_eq!(cs.len(), 2);
/// assert_eq!(cs[0].param("error"), Some("invalid_token"));
/// assert_eq!(cs[1].scheme, "DPoP");
///
/// let cs = parse_challenges([r#"Bearer , realm="x", , scope="read""#])?;
/// assert_eq!(cs[0].param("scope"), Some("read"));
///
/// assert_eq!(
///     parse_challenges([r#"Bearer realm="x", Realm="y""#]),
///     Err(ChallengeParseError::DuplicateParameter { offset: 18, name: "realm".into() })
/// );
/// # Ok::<(), oauth_errors::ChallengeParseError>(())
/// ```
pub fn parse_challenges<'a, I>(values: I) -> Result<Vec<ParsedChallenge>, ChallengeParseError>
where
    I: IntoIterator,
    I::Item: AsRef<[u8]> + 'a,
{
    let mut out = Vec::new();
    for v in values {
        parse_one(v.as_ref(), &mut out)?;
    }
    Ok(out)
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn ows(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t') {
            self.i += 1;
        }
    }
    /// Skips whitespace and empty list elements (`, ,`), RFC 9110 §5.6.1.
    fn skip_empty_elements(&mut self) {
        loop {
            self.ows();
            if self.peek() == Some(b',') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn token(&mut self) -> &str {
        let start = self.i;
        while self.i < self.b.len() && is_tchar(self.b[self.i]) {
            self.i += 1;
        }
        core::str::from_utf8(&self.b[start..self.i]).unwrap_or("")
    }
    fn err(&self, reason: &'static str) -> ChallengeParseError {
        ChallengeParseError::Malformed { offset: self.i, reason }
    }
    fn quoted(&mut self) -> Result<String, ChallengeParseError> {
        // at opening quote
        self.i += 1;
        let mut v = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.err("unterminated quoted-string")),
                Some(b'"') => {
                    self.i += 1;
                    break;
                }
                Some(b'\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some(c) if c == b'\t' || c >= 0x20 && c != 0x7F => {
                            v.push(c);
                            self.i += 1;
                        }
                        _ => return Err(self.err("invalid quoted-pair")),
                    }
                }
                Some(c) if c == b'\t' || c >= 0x20 && c != 0x7F => {
                    v.push(c);
                    self.i += 1;
                }
                Some(_) => return Err(self.err("control character in quoted-string")),
            }
        }
        Ok(String::from_utf8_lossy(&v).into_owned())
    }
}

fn parse_one(b: &[u8], out: &mut Vec<ParsedChallenge>) -> Result<(), ChallengeParseError> {
    if b.len() > MAX_PARSE_LEN {
        return Err(ChallengeParseError::TooLarge(b.len()));
    }
    let mut c = Cursor { b, i: 0 };
    loop {
        c.skip_empty_elements();
        if c.peek().is_none() {
            return Ok(());
        }
        let scheme = c.token().to_owned();
        if scheme.is_empty() {
            return Err(c.err("expected an auth-scheme"));
        }
        let mut ch = ParsedChallenge { scheme, token68: None, params: Vec::new() };
        // params or token68 after at least one space
        let had_space = matches!(c.peek(), Some(b' '));
        c.ows();
        if had_space {
            // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=",
            // recognised when the list element ends right after it.
            let save = c.i;
            let mut j = c.i;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b"-._~+/".contains(&b[j])) {
                j += 1;
            }
            let chars_end = j;
            while j < b.len() && b[j] == b'=' {
                j += 1;
            }
            let mut k = j;
            while k < b.len() && matches!(b[k], b' ' | b'\t') {
                k += 1;
            }
            if chars_end > save && matches!(b.get(k), None | Some(b',')) {
                ch.token68 = Some(String::from_utf8_lossy(&b[save..j]).into_owned());
                c.i = k;
                out.push(ch);
                continue;
            }
            c.i = save;
            // auth-params: `#auth-param`, so empty elements may come first (RFC 9110
            // §5.6.1.2) and each name only once (§11.2).
            let mut seen = HashSet::new();
            loop {
                c.skip_empty_elements();
                let save = c.i;
                let name = c.token().to_ascii_lowercase();
                if name.is_empty() {
                    c.i = save;
                    break;
                }
                c.ows();
                if c.peek() != Some(b'=') {
                    // a new challenge starts here
                    c.i = save;
                    break;
                }
                c.i += 1;
                c.ows();
                let value = if c.peek() == Some(b'"') {
                    c.quoted()?
                } else {
                    let v = c.token().to_owned();
                    if v.is_empty() {
                        return Err(c.err("expected a token or quoted-string value"));
                    }
                    v
                };
                if !seen.insert(name.clone()) {
                    return Err(ChallengeParseError::DuplicateParameter { offset: save, name });
                }
                ch.params.push((name, value));
                c.ows();
                match c.peek() {
                    None => break,
                    Some(b',') => {
                        c.i += 1;
                        c.skip_empty_elements();
                    }
                    Some(_) => return Err(c.err("expected ',' between auth-params")),
                }
            }
        } else {
            match c.peek() {
                None | Some(b',') => {}
                Some(_) => return Err(c.err("expected a space after the auth-scheme")),
            }
        }
        out.push(ch);
    }
}
