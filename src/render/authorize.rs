//! Authorization-endpoint errors: redirect (query or fragment), `form_post`, or — when
//! redirecting is not allowed — a direct 400.
//!
//! The rules (RFC 6749 §4.1.2.1, §4.2.2.1; OIDC Core §3.1.2.6; OAuth 2.0 Multiple
//! Response Type Encoding Practices; Form Post Response Mode; RFC 9207; RFC 9700 §4.11):
//!
//! * An error is redirected **only to a redirect URI the server verified** against the
//!   client's registration. [`AuthorizationError`] takes a [`VerifiedRedirectUri`], and the
//!   only way to get one is [`verify_redirect_uri`] (exact match; any port for loopback IP
//!   literals; private-use schemes for native apps, RFC 8252 §7). When verification fails
//!   (unknown client, missing or unregistered `redirect_uri`) there is no redirect:
//!   [`RedirectUriError::to_error`] gives the error to render directly as a 400.
//! * `invalid_client` and the OpenID Federation trust-establishment codes are never
//!   redirected (their table rows say so); [`AuthorizationError::to_response`] renders
//!   them as a direct 400 even with a verified URI.
//! * Parameters are `error`, `error_description`, `error_uri`, `state` (exactly as
//!   received) and `iss` (RFC 9207) when configured, in that order. Extra members are not
//!   sent ("Other parameters SHOULD NOT be returned", OIDC Core §3.1.2.6).
//! * Query mode keeps the registered URI's own query (RFC 6749 §3.1.2), which therefore
//!   may not already hold a response parameter: such a registration fails verification
//!   (see [`RESPONSE_PARAMETERS`]), so no parameter is ever sent twice; fragment mode
//!   appends `#…`;
//!   `form_post` answers 200 with an auto-submitting HTML form whose values are
//!   HTML-escaped, and `Cache-Control: no-store`.
//! * Redirects use **303 See Other** by default (RFC 9700 §4.12, OAuth 2.1 §7.5.3); 302 is
//!   selectable; 307 is not representable (OAuth 2.1 §1.6).
//!
//! ```
//! use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, ResponseMode, State};
//! use oauth_errors::OAuthError;
//!
//! let registered = ["https://client.example.com/cb?tenant=7"];
//! let uri = verify_redirect_uri(Some("https://client.example.com/cb?tenant=7"), &registered)?;
//! let r = AuthorizationError::new(OAuthError::AccessDenied, uri)
//!     .state(State::new("xyz")?)
//!     .issuer("https://as.example.com".parse()?)
//!     .to_response();
//! assert_eq!(r.status(), 303);
//! assert_eq!(
//!     r.headers()["location"],
//!     "https://client.example.com/cb?tenant=7&error=access_denied&state=xyz&iss=https%3A%2F%2Fas.example.com"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::str::FromStr;
use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};

use bytes::Bytes;
use http::header::{CONTENT_TYPE, LOCATION};
use http::{HeaderValue, Response, StatusCode};

use crate::render::response::no_store;
use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::error::ErrorResponse;
use crate::wire::headers::TEXT_HTML;
use crate::wire::text::{self, TextError};

/// The longest `state` accepted, in bytes.
///
/// ```
/// use oauth_errors::authorize::{MAX_STATE_LEN, State};
///
/// assert!(State::new("s".repeat(MAX_STATE_LEN)).is_ok());
/// assert!(State::new("s".repeat(MAX_STATE_LEN + 1)).is_err());
/// ```
pub const MAX_STATE_LEN: usize = 4096;

/// The client's `state` (RFC 6749 Appendix A.5: `1*VSCHAR`), echoed exactly.
///
/// `state` may contain `"`, `\`, `<`, `&` and spaces; it is percent-encoded in redirects
/// and HTML-escaped in `form_post` pages, so it always arrives as sent.
///
/// ```
/// use oauth_errors::authorize::State;
///
/// assert_eq!(State::new(r#"a "b" <c>"#).unwrap().as_str(), r#"a "b" <c>"#);
/// assert!(State::new("line\nbreak").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct State(Cow<'static, str>);

impl State {
    /// Checks a state value: 1–4096 bytes of `%x20-7E`.
    ///
    /// # Errors
    ///
    /// [`TextError`] naming the first violation. A request whose `state` fails this check
    /// is malformed; answer it with `invalid_request` and no `state`.
    ///
    /// ```
    /// use oauth_errors::{authorize::State, text::TextError};
    ///
    /// assert_eq!(State::new("af0ifjsldkj")?.as_str(), "af0ifjsldkj");
    /// assert_eq!(State::new("a\tb"), Err(TextError::Forbidden { what: "state", offset: 1, ch: '\t' }));
    /// # Ok::<(), TextError>(())
    /// ```
    pub fn new(state: impl Into<Cow<'static, str>>) -> Result<Self, TextError> {
        let state = state.into();
        text::check_bytes(&state, "state", MAX_STATE_LEN, text::is_vschar)?;
        Ok(State(state))
    }

    /// The state, exactly as received (see the [type-level example](State)).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The authorization server's issuer identifier, sent as `iss` (RFC 9207 §2).
///
/// An absolute `https` URL without query or fragment (RFC 8414 §2, RFC 9207 §2). Plain
/// `http` is accepted in two cases only:
///
/// * the host is a **loopback host** — `localhost` (any case; RFC 6761 §6.3 reserves it
///   for the loopback interface), an IPv4 literal in `127.0.0.0/8`, or the IPv6 literal
///   `[::1]` — so that a server on a developer's machine needs no certificate;
/// * the deployment **opts in** with [`Issuer::insecure_http`], for any host.
///
/// Every other `http` issuer is [`UriError::NotHttps`].
///
/// ```
/// use oauth_errors::authorize::{Issuer, UriError};
///
/// assert!("https://as.example.com".parse::<Issuer>().is_ok());
/// assert!("http://127.0.0.1:8080".parse::<Issuer>().is_ok());
/// assert_eq!("http://as.example.com".parse::<Issuer>(), Err(UriError::NotHttps));
/// assert!("https://as.example.com/?x=1".parse::<Issuer>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issuer(String);

/// Why a value is not an [`Issuer`] or a redirect URI.
///
/// ```
/// use oauth_errors::authorize::{Issuer, UriError};
///
/// assert_eq!("as.example.com".parse::<Issuer>(), Err(UriError::NotAbsolute));
/// assert_eq!("https://as.example.com#top".parse::<Issuer>(), Err(UriError::Fragment));
/// assert_eq!("https://as.example.com?tenant=1".parse::<Issuer>(), Err(UriError::Query));
/// assert_eq!(UriError::Query.to_string(), "must not contain a query");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UriError {
    /// Not an absolute URI (`scheme ":" …`, RFC 3986 §3.1) of printable ASCII without
    /// spaces, `"`, `\`, `<` or `>`; or an `http(s)` URI without `//`, without a host, with
    /// userinfo, with a host that is neither a name (no `:`, `[`, `]`) nor a bracketed
    /// IPv6 address, or with a port that is not a number up to 65535.
    #[error("not an absolute URI of printable ASCII without spaces")]
    NotAbsolute,
    /// An absolute URI whose scheme is not accepted here. Redirect URIs accept `http`,
    /// `https` and private-use schemes named by a reverse domain name (RFC 8252 §7.1), so
    /// `javascript:`, `data:`, `vbscript:`, `file:` and every other single-label scheme
    /// end here; issuers accept `https` and `http` only.
    #[error("URI scheme not accepted")]
    UnsupportedScheme,
    /// An `http` issuer whose host is not a loopback host: RFC 8414 §2 and RFC 9207 §2
    /// require `https` (see [`Issuer`] and [`Issuer::insecure_http`]).
    #[error("must use https (http is accepted for loopback hosts only)")]
    NotHttps,
    /// Has a fragment (`#`), which RFC 6749 §3.1.2 forbids for redirect URIs and RFC 8414
    /// for issuers.
    #[error("must not contain a fragment")]
    Fragment,
    /// Has a query, which RFC 8414 §2 forbids for issuers.
    #[error("must not contain a query")]
    Query,
    /// Longer than 2048 bytes.
    #[error("longer than 2048 bytes")]
    TooLong,
    /// A redirect URI whose query already holds this authorization response parameter
    /// (one of [`RESPONSE_PARAMETERS`]). Appending the response would send it twice,
    /// which RFC 6749 §3.1 forbids ("MUST NOT be included more than once").
    #[error("query already holds the authorization response parameter `{0}`")]
    ResponseParameter(&'static str),
}

/// The authorization response parameters a registered redirect URI's query may not hold:
/// every name RFC 6749 (§4.1.2, §4.1.2.1, §4.2.2, §4.2.2.1), RFC 9207 §2 and OpenID
/// Connect Core (§3.2.2.5) define for authorization responses.
///
/// RFC 6749 §3.1.2 says the registered query "MUST be retained" when parameters are
/// added, and §3.1 that a parameter "MUST NOT be included more than once"; a registered
/// `…/cb?state=s1` cannot satisfy both, so [`verify_redirect_uri`] refuses it
/// ([`UriError::ResponseParameter`]) rather than send two `state` values or drop the
/// registered one. Fragment-mode names (`access_token`, `id_token`, …) are refused too:
/// the same registration serves every response mode, and a callback that finds
/// `access_token` in both the query and the fragment cannot tell which one the server
/// sent. Names are compared exactly (case-sensitively) after form-decoding, so
/// `st%61te` is `state` while `State` and `state_hint` are not response parameters.
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, RedirectUriError, UriError, RESPONSE_PARAMETERS};
///
/// assert!(RESPONSE_PARAMETERS.contains(&"iss"));
/// let registered = ["https://client.example.com/cb?tenant=7&state=s1"];
/// assert_eq!(
///     verify_redirect_uri(None, &registered),
///     Err(RedirectUriError::Invalid(UriError::ResponseParameter("state")))
/// );
/// ```
pub const RESPONSE_PARAMETERS: [&str; 11] = [
    "error",
    "error_description",
    "error_uri",
    "state",
    "iss",
    "code",
    "access_token",
    "token_type",
    "expires_in",
    "scope",
    "id_token",
];

/// The longest issuer or redirect URI accepted, in bytes.
const MAX_URI_LEN: usize = 2048;

/// What [`parse_absolute`] found.
enum UriKind<'a> {
    /// `http` or `https`, with the host as written (an IPv6 literal with its brackets).
    Web { https: bool, host: &'a str },
    /// A private-use scheme named by a reverse domain name (RFC 8252 §7.1).
    PrivateUse,
}

/// RFC 3986 §3.1: `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(s: &str) -> bool {
    let b = s.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// RFC 8252 §7.1 (after RFC 7595 §3.8): a private-use scheme is a domain name in reverse
/// order, so it has at least two labels, none empty (`com.example.app`).
fn is_reverse_domain(scheme: &str) -> bool {
    scheme.contains('.') && scheme.split('.').all(|label| !label.is_empty())
}

/// Checks everything issuers and redirect URIs share: length, characters, an RFC 3986
/// scheme, no fragment, and for `http(s)` an authority with a host and a valid port.
fn parse_absolute(uri: &str) -> Result<UriKind<'_>, UriError> {
    if uri.len() > MAX_URI_LEN {
        return Err(UriError::TooLong);
    }
    let printable = |b: u8| (0x21..0x7F).contains(&b) && !matches!(b, b'"' | b'\\' | b'<' | b'>');
    if !uri.bytes().all(printable) {
        return Err(UriError::NotAbsolute);
    }
    let (scheme, rest) = uri.split_once(':').ok_or(UriError::NotAbsolute)?;
    if !is_scheme(scheme) {
        return Err(UriError::NotAbsolute);
    }
    let https = scheme.eq_ignore_ascii_case("https");
    if !https && !scheme.eq_ignore_ascii_case("http") {
        if !is_reverse_domain(scheme) {
            return Err(UriError::UnsupportedScheme);
        }
        if uri.contains('#') {
            return Err(UriError::Fragment);
        }
        if rest.is_empty() {
            return Err(UriError::NotAbsolute);
        }
        return Ok(UriKind::PrivateUse);
    }
    let rest = rest.strip_prefix("//").ok_or(UriError::NotAbsolute)?;
    if uri.contains('#') {
        return Err(UriError::Fragment);
    }
    // authority = host [ ":" port ]; userinfo is refused (RFC 9110 §4.2.4).
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(UriError::NotAbsolute);
    }
    // host = IP-literal / IPv4address / reg-name (RFC 3986 §3.2.2): an IPv6 address in
    // brackets, or a name without `:`, `[` or `]`.
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or(UriError::NotAbsolute)? + 1;
        let (host, after) = authority.split_at(end);
        let literal = host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
        if literal.and_then(|h| h.parse::<Ipv6Addr>().ok()).is_none() {
            return Err(UriError::NotAbsolute);
        }
        match after.strip_prefix(':') {
            Some(p) => (host, Some(p)),
            None if after.is_empty() => (host, None),
            None => return Err(UriError::NotAbsolute),
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if !host.starts_with('[') && host.contains(['[', ']']) {
        return Err(UriError::NotAbsolute);
    }
    let port_ok = port.is_none_or(|p| {
        p.is_empty()
            || (p.len() <= 5
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| n <= 65_535))
    });
    if host.is_empty() || !port_ok {
        return Err(UriError::NotAbsolute);
    }
    Ok(UriKind::Web { https, host })
}

/// `localhost`, an IPv4 literal in `127.0.0.0/8`, or the IPv6 literal `[::1]`.
fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback())
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .and_then(|h| h.parse::<Ipv6Addr>().ok())
            .is_some_and(|a| a.is_loopback())
}

fn parse_issuer(s: &str, any_http_host: bool) -> Result<Issuer, UriError> {
    match parse_absolute(s)? {
        UriKind::Web { https: true, .. } => {}
        UriKind::Web { https: false, host } if any_http_host || is_loopback_host(host) => {}
        UriKind::Web { .. } => return Err(UriError::NotHttps),
        UriKind::PrivateUse => return Err(UriError::UnsupportedScheme),
    }
    if s.contains('?') {
        return Err(UriError::Query);
    }
    Ok(Issuer(s.to_owned()))
}

/// `https`, or `http` for a loopback host (see [`Issuer`]).
impl FromStr for Issuer {
    type Err = UriError;
    fn from_str(s: &str) -> Result<Self, UriError> {
        parse_issuer(s, false)
    }
}

impl Issuer {
    /// Like [`FromStr`], but accepts `http` for **any** host: an explicit opt-in for
    /// development and test deployments that serve plain HTTP beyond the loopback
    /// interface. RFC 8414 §2 and RFC 9207 §2 require `https`; an `http` issuer tells the
    /// client nothing an attacker on the network could not forge, so never use this in
    /// production.
    ///
    /// # Errors
    ///
    /// [`UriError`] exactly as [`FromStr`], except [`UriError::NotHttps`].
    ///
    /// ```
    /// use oauth_errors::authorize::{Issuer, UriError};
    ///
    /// assert_eq!("http://192.0.2.7:8080".parse::<Issuer>(), Err(UriError::NotHttps));
    /// let iss = Issuer::insecure_http("http://192.0.2.7:8080")?;
    /// assert_eq!(iss.as_str(), "http://192.0.2.7:8080");
    /// assert_eq!(Issuer::insecure_http("http://192.0.2.7:8080/?x"), Err(UriError::Query));
    /// # Ok::<(), UriError>(())
    /// ```
    pub fn insecure_http(s: &str) -> Result<Issuer, UriError> {
        parse_issuer(s, true)
    }

    /// The issuer identifier.
    ///
    /// ```
    /// use oauth_errors::authorize::Issuer;
    ///
    /// let iss: Issuer = "https://as.example.com/tenant1".parse()?;
    /// assert_eq!(iss.as_str(), "https://as.example.com/tenant1");
    /// # Ok::<(), oauth_errors::authorize::UriError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A redirect URI the server verified against the client's registration.
///
/// Only [`verify_redirect_uri`] creates one, so an authorization error can only be
/// redirected to a URI that passed verification.
///
/// ```
/// use oauth_errors::authorize::verify_redirect_uri;
///
/// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
/// assert_eq!(uri.as_str(), "https://client.example.com/cb");
/// assert_eq!(uri.to_string(), "https://client.example.com/cb");
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerifiedRedirectUri(String);

impl VerifiedRedirectUri {
    /// The URI (see the [type-level example](VerifiedRedirectUri)).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a redirect URI could not be verified. The request must then **not** be
/// redirected (RFC 6749 §4.1.2.1).
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, RedirectUriError, UriError};
///
/// let two = ["https://a.example/cb", "https://b.example/cb"];
/// assert_eq!(verify_redirect_uri(None, &two), Err(RedirectUriError::Missing));
/// assert_eq!(
///     verify_redirect_uri(Some("https://a.example/cb#x"), &two),
///     Err(RedirectUriError::Invalid(UriError::Fragment))
/// );
/// assert_eq!(RedirectUriError::Missing.to_string(), "redirect_uri is required");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RedirectUriError {
    /// No (or an empty) `redirect_uri` in the request and the client has not exactly one
    /// registered.
    #[error("redirect_uri is required")]
    Missing,
    /// The requested URI is not registered for the client.
    #[error("redirect_uri is not registered for this client")]
    NotRegistered,
    /// The requested or registered URI is malformed, has a scheme that is not accepted,
    /// or its query already holds a response parameter.
    #[error("redirect_uri is invalid: {0}")]
    Invalid(UriError),
}

impl RedirectUriError {
    /// The error to render **directly** (400 at [`Endpoint::Authorization`], no
    /// redirect): `invalid_request` with a fixed description naming the problem.
    ///
    /// ```
    /// use oauth_errors::authorize::verify_redirect_uri;
    ///
    /// let err = verify_redirect_uri(Some("https://evil.example/cb"), &["https://client.example/cb"])
    ///     .unwrap_err();
    /// let r = err.to_error().response();
    /// assert_eq!(r.status(), 400);
    /// assert!(r.headers().get("location").is_none());
    /// ```
    pub fn to_error(&self) -> ErrorResponse {
        let description = match self {
            RedirectUriError::Missing => crate::error_text!("redirect_uri is required"),
            RedirectUriError::NotRegistered => {
                crate::error_text!("redirect_uri is not registered for this client")
            }
            RedirectUriError::Invalid(_) => crate::error_text!("redirect_uri is invalid"),
        };
        OAuthError::InvalidRequest.with_description(description).at(Endpoint::Authorization)
    }
}

/// For a loopback redirect URI (`http://127.0.0.1[:port]…` or `http://[::1][:port]…`,
/// RFC 8252 §7.3): the host and everything after the port.
fn loopback_parts(uri: &str) -> Option<(&str, &str)> {
    let after_scheme = uri.strip_prefix("http://")?;
    ["127.0.0.1", "[::1]"].into_iter().find_map(|host| {
        let rest = after_scheme.strip_prefix(host)?;
        let rest = match rest.strip_prefix(':') {
            Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => rest,
        };
        (rest.is_empty() || rest.starts_with(['/', '?'])).then_some((host, rest))
    })
}

/// Whether `requested` is `registered`, or the same loopback URI on another port.
fn redirect_matches(registered: &str, requested: &str) -> bool {
    registered == requested
        || matches!(
            (loopback_parts(registered), loopback_parts(requested)),
            (Some(a), Some(b)) if a == b
        )
}

/// The first of [`RESPONSE_PARAMETERS`] named in the URI's query, form-decoded.
fn response_parameter_in_query(uri: &str) -> Option<&'static str> {
    let (_, query) = uri.split_once('?')?;
    query.split('&').find_map(|pair| {
        let name = form_decode(pair.split_once('=').map_or(pair, |(name, _)| name));
        RESPONSE_PARAMETERS.into_iter().find(|p| p.as_bytes() == name.as_slice())
    })
}

/// `application/x-www-form-urlencoded` decoding of one name: `+` is a space, `%XX` a
/// byte, anything else (including a `%` without two hex digits) itself.
fn form_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let hex = |i: usize| b.get(i).and_then(|&c| char::from(c).to_digit(16));
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            (c, ..) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn check_redirect_uri(uri: &str) -> Result<(), UriError> {
    parse_absolute(uri)?;
    match response_parameter_in_query(uri) {
        Some(name) => Err(UriError::ResponseParameter(name)),
        None => Ok(()),
    }
}

/// Verifies the request's `redirect_uri` against the client's registered URIs.
///
/// * **Exact string comparison** (RFC 9700 §4.1.3, OAuth 2.1 §2.3.1): no case folding, no
///   normalisation, no prefix matching — with one exception, the port of a loopback URI.
/// * **Loopback** (RFC 8252 §7.3, OAuth 2.1 §8.4.2): when a registered URI is
///   `http://127.0.0.1[:port]…` or `http://[::1][:port]…`, the request may name any port
///   or none; scheme, host, path and query must still match exactly, and the verified URI
///   is the one requested, with its port. Only these two IP literals get the exception:
///   `http://localhost…` (NOT RECOMMENDED, RFC 8252 §8.3), other `127.0.0.0/8`
///   addresses and `https` loopback URIs verify on exact match only.
/// * **Private-use schemes** (RFC 8252 §7.1): a URI whose scheme is a reverse domain name
///   with at least two labels (`com.example.app:/oauth2redirect`) verifies on exact
///   match. Other schemes are [`UriError::UnsupportedScheme`]: `javascript:`, `data:`,
///   `vbscript:`, `file:` and every other single-label scheme, in any case.
/// * **Omitted**: no `redirect_uri`, or an empty one (`redirect_uri=`: RFC 6749 §3.1,
///   "Parameters sent without a value MUST be treated as if they were omitted", as
///   [`ResponseMode::from_request`] treats an empty `response_mode`), is allowed when
///   exactly one URI is registered (RFC 6749 §3.1.2.3); that URI is then checked below.
/// * The URI must be absolute, at most 2048 bytes of printable ASCII, without a fragment
///   (RFC 6749 §3.1.2), and its query must not hold any of [`RESPONSE_PARAMETERS`]
///   ([`UriError::ResponseParameter`]).
///
/// **Trust boundary.** `registered` must be the URIs registered for the client named in the
/// request, read from the server's own client store — never values taken from the request.
/// The returned [`VerifiedRedirectUri`] proves only that the requested URI is one of them.
///
/// # Errors
///
/// [`RedirectUriError`] — and then there must be no redirect.
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, RedirectUriError, UriError};
///
/// let registered = ["http://127.0.0.1:9999/cb"];
/// assert!(verify_redirect_uri(Some("http://127.0.0.1:9999/cb"), &registered).is_ok());
/// assert!(verify_redirect_uri(Some("http://127.0.0.1:4321/cb"), &registered).is_ok());
/// assert!(verify_redirect_uri(None, &registered).is_ok());
/// assert!(verify_redirect_uri(Some(""), &registered).is_ok());
/// assert_eq!(
///     verify_redirect_uri(Some("http://127.0.0.1:9999/cb/../x"), &registered),
///     Err(RedirectUriError::NotRegistered)
/// );
///
/// let native = ["com.example.app:/oauth2redirect"];
/// let uri = verify_redirect_uri(Some("com.example.app:/oauth2redirect"), &native)?;
/// assert_eq!(uri.as_str(), "com.example.app:/oauth2redirect");
/// assert_eq!(
///     verify_redirect_uri(Some("javascript:alert(1)"), &["javascript:alert(1)"]),
///     Err(RedirectUriError::Invalid(UriError::UnsupportedScheme))
/// );
/// # Ok::<(), RedirectUriError>(())
/// ```
pub fn verify_redirect_uri<S: AsRef<str>>(
    requested: Option<&str>,
    registered: &[S],
) -> Result<VerifiedRedirectUri, RedirectUriError> {
    let uri = match requested.filter(|r| !r.is_empty()) {
        Some(req) => {
            check_redirect_uri(req).map_err(RedirectUriError::Invalid)?;
            if !registered.iter().any(|r| redirect_matches(r.as_ref(), req)) {
                return Err(RedirectUriError::NotRegistered);
            }
            req
        }
        None => match registered {
            [only] => {
                check_redirect_uri(only.as_ref()).map_err(RedirectUriError::Invalid)?;
                only.as_ref()
            }
            _ => return Err(RedirectUriError::Missing),
        },
    };
    Ok(VerifiedRedirectUri(uri.to_owned()))
}

/// How authorization response parameters travel (`response_mode`).
///
/// ```
/// use oauth_errors::authorize::ResponseMode;
///
/// assert_eq!(ResponseMode::default(), ResponseMode::Query);
/// assert_eq!(ResponseMode::from_request(Some("form_post"), Some("code")), Ok(ResponseMode::FormPost));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ResponseMode {
    /// In the redirect URI's query (the default for `code` and `none`).
    #[default]
    Query,
    /// In the redirect URI's fragment (the default for `token`, `id_token` and every
    /// multi-valued response type).
    Fragment,
    /// As an auto-submitting HTML form POSTed to the redirect URI (Form Post Response Mode).
    FormPost,
}

/// Why a `response_mode` cannot be used.
///
/// ```
/// use oauth_errors::authorize::{ResponseMode, ResponseModeError};
///
/// assert_eq!(ResponseMode::from_request(Some("jwt"), Some("code")), Err(ResponseModeError::Unsupported));
/// assert_eq!(
///     ResponseMode::from_request(Some("query"), Some("code id_token")),
///     Err(ResponseModeError::QueryNotAllowed)
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseModeError {
    /// Not `query`, `fragment` or `form_post`. OIDC Core §3.1.2.6: answer with a plain
    /// 400 **without** error parameters.
    #[error("unsupported response_mode")]
    Unsupported,
    /// `query` with a response type that returns tokens in the front channel, which
    /// OAuth 2.0 Multiple Response Type Encoding Practices §3, §5 forbid.
    #[error("response_mode=query is not allowed for this response_type")]
    QueryNotAllowed,
}

impl ResponseModeError {
    /// The direct answer OpenID Connect Core §3.1.2.6 prescribes for an unsupported
    /// `response_mode`: a plain **400 without error parameters** (empty body,
    /// `Cache-Control: no-store`), since the client's mode cannot carry them. For
    /// [`QueryNotAllowed`](Self::QueryNotAllowed) a server may instead redirect
    /// `invalid_request` in the type's default mode ([`ResponseMode::default_for`]); this
    /// method answers both the same way. Servers that prefer an RFC 6749 body can render
    /// `invalid_request` at [`Endpoint::Authorization`] instead.
    ///
    /// ```
    /// use oauth_errors::authorize::{ResponseMode, ResponseModeError};
    ///
    /// let err = ResponseMode::from_request(Some("carrier_pigeon"), Some("code")).unwrap_err();
    /// let r = err.to_response();
    /// assert_eq!(r.status(), 400);
    /// assert!(r.body().is_empty());
    /// assert_eq!(r.headers()["cache-control"], "no-store");
    /// assert!(r.headers().get("location").is_none());
    /// ```
    pub fn to_response(&self) -> Response<Bytes> {
        let mut r = Response::new(Bytes::new());
        *r.status_mut() = StatusCode::BAD_REQUEST;
        no_store(r.headers_mut(), crate::Contract::oauth2());
        r
    }
}

impl ResponseMode {
    /// The default mode for a `response_type` (Multiple Response Types §2.1–§5): `code`
    /// and `none` → query; any type containing `token` or `id_token` → fragment; anything
    /// else (including an unsupported or missing type) → query, the RFC 6749 code-flow
    /// default.
    ///
    /// ```
    /// use oauth_errors::authorize::ResponseMode;
    /// assert_eq!(ResponseMode::default_for(Some("code")), ResponseMode::Query);
    /// assert_eq!(ResponseMode::default_for(Some("code id_token")), ResponseMode::Fragment);
    /// assert_eq!(ResponseMode::default_for(Some("token")), ResponseMode::Fragment);
    /// assert_eq!(ResponseMode::default_for(None), ResponseMode::Query);
    /// ```
    pub fn default_for(response_type: Option<&str>) -> ResponseMode {
        match response_type {
            Some(rt) if rt.split(' ').any(|t| t == "token" || t == "id_token") => {
                ResponseMode::Fragment
            }
            _ => ResponseMode::Query,
        }
    }

    /// The mode for a request's `response_mode` and `response_type`.
    ///
    /// # Errors
    ///
    /// [`ResponseModeError`] for an unknown mode, or `query` with a token-returning type.
    ///
    /// ```
    /// use oauth_errors::authorize::{ResponseMode, ResponseModeError};
    ///
    /// assert_eq!(ResponseMode::from_request(None, Some("id_token")), Ok(ResponseMode::Fragment));
    /// assert_eq!(ResponseMode::from_request(Some("fragment"), Some("code")), Ok(ResponseMode::Fragment));
    /// assert_eq!(
    ///     ResponseMode::from_request(Some("query"), Some("token")),
    ///     Err(ResponseModeError::QueryNotAllowed)
    /// );
    /// ```
    pub fn from_request(
        response_mode: Option<&str>,
        response_type: Option<&str>,
    ) -> Result<ResponseMode, ResponseModeError> {
        let default = ResponseMode::default_for(response_type);
        match response_mode {
            None | Some("") => Ok(default),
            Some("query") if default == ResponseMode::Fragment => {
                Err(ResponseModeError::QueryNotAllowed)
            }
            Some("query") => Ok(ResponseMode::Query),
            Some("fragment") => Ok(ResponseMode::Fragment),
            Some("form_post") => Ok(ResponseMode::FormPost),
            Some(_) => Err(ResponseModeError::Unsupported),
        }
    }
}

/// The status of a redirect: 303 (default) or 302. 307 is deliberately absent: it would
/// make the browser re-POST the user's credentials to the client (RFC 9700 §4.12).
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, RedirectStatus};
/// use oauth_errors::OAuthError;
///
/// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
/// let err = AuthorizationError::new(OAuthError::AccessDenied, uri);
/// assert_eq!(err.clone().to_response().status(), 303);
/// assert_eq!(err.redirect_status(RedirectStatus::Found).to_response().status(), 302);
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RedirectStatus {
    /// 303 See Other.
    #[default]
    SeeOther,
    /// 302 Found (RFC 6749's examples).
    Found,
}

impl RedirectStatus {
    fn code(self) -> StatusCode {
        match self {
            RedirectStatus::SeeOther => StatusCode::SEE_OTHER,
            RedirectStatus::Found => StatusCode::FOUND,
        }
    }
}

impl AuthorizationError {
    /// The status of the redirect itself (303 unless set otherwise).
    pub(crate) fn redirect_status_code(&self) -> StatusCode {
        self.status.code()
    }
}

/// An authorization-endpoint error delivered to the client's verified redirect URI.
///
/// See the [module docs](self) for the rules it follows.
///
/// ```
/// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, ResponseMode};
/// use oauth_errors::OAuthError;
///
/// let uri = verify_redirect_uri(Some("https://client.example.com/cb"), &["https://client.example.com/cb"])?;
/// let err = AuthorizationError::new(OAuthError::InteractionRequired, uri)
///     .mode(ResponseMode::Fragment);
/// assert_eq!(
///     err.location().as_deref(),
///     Some("https://client.example.com/cb#error=interaction_required")
/// );
/// assert_eq!(err.error().code(), &OAuthError::InteractionRequired);
/// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorizationError {
    error: ErrorResponse,
    redirect_uri: VerifiedRedirectUri,
    mode: ResponseMode,
    status: RedirectStatus,
    issuer: Option<Issuer>,
}

impl AuthorizationError {
    /// An error for `redirect_uri`, in query mode with 303 (see the
    /// [module-level example](self)).
    pub fn new(error: impl Into<ErrorResponse>, redirect_uri: VerifiedRedirectUri) -> Self {
        AuthorizationError {
            error: error.into(),
            redirect_uri,
            mode: ResponseMode::Query,
            status: RedirectStatus::SeeOther,
            issuer: None,
        }
    }

    /// Sets the response mode (usually from [`ResponseMode::from_request`]; see the
    /// [type-level example](AuthorizationError)).
    #[must_use]
    pub fn mode(mut self, mode: ResponseMode) -> Self {
        self.mode = mode;
        self
    }

    /// Sets the redirect status (see the [`RedirectStatus`] example).
    #[must_use]
    pub fn redirect_status(mut self, status: RedirectStatus) -> Self {
        self.status = status;
        self
    }

    /// Sets `state` (also settable on the error with [`ErrorResponse::with_state`]).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, State};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let err = AuthorizationError::new(OAuthError::AccessDenied, uri)
    ///     .state(State::new("a b&c")?);
    /// assert_eq!(
    ///     err.location().as_deref(),
    ///     Some("https://client.example.com/cb?error=access_denied&state=a+b%26c")
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn state(mut self, state: State) -> Self {
        self.error = self.error.with_state(state);
        self
    }

    /// Sets `iss` (RFC 9207; see the [module-level example](self)).
    #[must_use]
    pub fn issuer(mut self, issuer: Issuer) -> Self {
        self.issuer = Some(issuer);
        self
    }

    /// The error (see the [type-level example](AuthorizationError)).
    pub fn error(&self) -> &ErrorResponse {
        &self.error
    }

    /// Whether this error is delivered to the redirect URI (false for codes that are never
    /// redirected: see [`CodeInfo::redirectable`](crate::CodeInfo::redirectable)).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// assert!(AuthorizationError::new(OAuthError::LoginRequired, uri.clone()).redirects());
    /// let invalid_client = AuthorizationError::new(OAuthError::InvalidClient, uri);
    /// assert!(!invalid_client.redirects());
    /// assert_eq!(invalid_client.to_response().status(), 400);
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    pub fn redirects(&self) -> bool {
        self.error.code().info().redirectable
    }

    fn params(&self) -> Vec<(&'static str, &str)> {
        let e = &self.error;
        let mut p = vec![("error", e.code().as_str())];
        if let Some(d) = e.description() {
            p.push(("error_description", d.as_str()));
        }
        if let Some(u) = e.uri() {
            p.push(("error_uri", u.as_str()));
        }
        if let Some(s) = e.state() {
            p.push(("state", s.as_str()));
        }
        if let Some(i) = &self.issuer {
            p.push(("iss", i.as_str()));
        }
        p
    }

    /// The `Location` for query and fragment modes (`None` for `form_post` and for codes
    /// that are never redirected).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, ResponseMode};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb?lang=en"])?;
    /// let err = OAuthError::ConsentRequired.with_description("user must consent");
    /// let err = AuthorizationError::new(err, uri);
    /// assert_eq!(
    ///     err.location().as_deref(),
    ///     Some("https://client.example.com/cb?lang=en&error=consent_required&error_description=user+must+consent")
    /// );
    /// assert_eq!(err.mode(ResponseMode::FormPost).location(), None);
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    pub fn location(&self) -> Option<String> {
        if !self.redirects() {
            return None;
        }
        let base = self.redirect_uri.as_str();
        let mut out = String::with_capacity(base.len() + 64);
        out.push_str(base);
        match self.mode {
            ResponseMode::Query => {
                if !base.contains('?') {
                    out.push('?');
                } else if !(base.ends_with('?') || base.ends_with('&')) {
                    out.push('&');
                }
            }
            ResponseMode::Fragment => out.push('#'),
            ResponseMode::FormPost => return None,
        }
        form_urlencode(&mut out, &self.params());
        Some(out)
    }

    /// The response: a 303/302 redirect, a 200 `form_post` page, or — for a code that is
    /// never redirected — the error rendered directly at [`Endpoint::Authorization`] (400).
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, ResponseMode};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let r = AuthorizationError::new(OAuthError::AccessDenied, uri)
    ///     .mode(ResponseMode::FormPost)
    ///     .to_response();
    /// assert_eq!(r.status(), 200);
    /// assert_eq!(r.headers()["content-type"], "text/html;charset=utf-8");
    /// assert_eq!(r.headers()["cache-control"], "no-store");
    /// # Ok::<(), oauth_errors::authorize::RedirectUriError>(())
    /// ```
    pub fn to_response(&self) -> Response<Bytes> {
        if !self.redirects() {
            return self.error.to_response(Endpoint::Authorization);
        }
        let contract = self.error.contract();
        let mut response = match self.mode {
            ResponseMode::FormPost => {
                let mut r = Response::new(Bytes::from(self.form_post_html()));
                r.headers_mut().insert(CONTENT_TYPE, TEXT_HTML);
                r
            }
            _ => {
                let mut r = Response::new(Bytes::new());
                *r.status_mut() = self.status.code();
                let location = self.location().unwrap_or_default();
                // Every byte is printable ASCII: the verified URI is checked, and the
                // parameters are percent-encoded.
                if let Ok(v) = HeaderValue::from_str(&location) {
                    r.headers_mut().insert(LOCATION, v);
                }
                r
            }
        };
        no_store(response.headers_mut(), contract);
        // One event per rendered error: the status sent (303, 302 or 200) as `status`, the
        // error's own as `error_status`, which decides the level (a redirected
        // `server_error` is still a server failure).
        #[cfg(feature = "tracing")]
        crate::render::response::trace(
            &self.error,
            Endpoint::Authorization,
            response.status(),
            self.error.resolve_status(Endpoint::Authorization),
            None,
        );
        #[cfg(feature = "log")]
        crate::render::log::log(
            &self.error,
            Endpoint::Authorization,
            response.status(),
            self.error.resolve_status(Endpoint::Authorization),
            None,
        );
        response
    }

    /// The auto-submitting `form_post` page: one hidden input per parameter, values
    /// HTML-escaped.
    ///
    /// ```
    /// use oauth_errors::authorize::{verify_redirect_uri, AuthorizationError, State};
    /// use oauth_errors::OAuthError;
    ///
    /// let uri = verify_redirect_uri(None, &["https://client.example.com/cb"])?;
    /// let html = AuthorizationError::new(OAuthError::AccessDenied, uri)
    ///     .state(State::new(r#"<"x">"#)?)
    ///     .form_post_html();
    /// assert!(html.contains(r#"<form method="post" action="https://client.example.com/cb">"#));
    /// assert!(html.contains(r#"<input type="hidden" name="error" value="access_denied"/>"#));
    /// assert!(html.contains(r#"<input type="hidden" name="state" value="&lt;&quot;x&quot;&gt;"/>"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn form_post_html(&self) -> String {
        let mut html = String::with_capacity(512);
        html.push_str(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Submit This Form</title></head>\n\
             <body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"",
        );
        html_escape(&mut html, self.redirect_uri.as_str());
        html.push_str("\">\n");
        for (name, value) in self.params() {
            html.push_str("<input type=\"hidden\" name=\"");
            html.push_str(name);
            html.push_str("\" value=\"");
            html_escape(&mut html, value);
            html.push_str("\"/>\n");
        }
        html.push_str("<noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n</body></html>\n");
        html
    }
}

fn html_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `application/x-www-form-urlencoded` (RFC 6749 Appendix B): unreserved characters
/// kept, space as `+`, everything else percent-encoded as UTF-8.
pub(crate) fn form_urlencode(out: &mut String, params: &[(&str, &str)]) {
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_component(out, name);
        out.push('=');
        encode_component(out, value);
    }
}

fn encode_component(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => text::push_pct(out, b),
        }
    }
}

impl fmt::Display for VerifiedRedirectUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
