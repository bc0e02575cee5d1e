//! [`AccessToken`]: the access token of a protected-resource request (RFC 6750 §2,
//! RFC 9449 §7), read strictly, with the rejection RFC 6750 §3 prescribes.

use std::borrow::Cow;
use std::sync::Arc;

use crate::extract::form::FormParams;
use crate::extract::headers::{HeaderField, RequestHeaders};
use crate::render::rejection::Rejection;
use crate::render::response::AuthenticationRequired;
use crate::taxonomy::code::OAuthError;
use crate::taxonomy::endpoint::Endpoint;
use crate::wire::challenge::{Challenge, Scope, is_tchar};
use crate::wire::error::ErrorResponse;
use crate::wire::text::ErrorText;

/// The scheme an access token was presented with.
///
/// ```
/// use oauth_errors::extract::TokenScheme;
/// assert_eq!(TokenScheme::DPoP.as_str(), "DPoP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenScheme {
    /// `Authorization: Bearer …` (RFC 6750 §2.1) or the `access_token` form parameter
    /// (RFC 6750 §2.2).
    Bearer,
    /// `Authorization: DPoP …` with a `DPoP` proof header (RFC 9449 §7.1).
    DPoP,
}

impl TokenScheme {
    /// The scheme's name as written in headers.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScheme::Bearer => "Bearer",
            TokenScheme::DPoP => "DPoP",
        }
    }
}

/// How a protected resource accepts access tokens, and the challenges it announces.
///
/// * [`new`](Self::new): `Bearer` in the `Authorization` header (RFC 6750 §2.1), with a
///   realm. Add [`dpop`](Self::dpop) to accept `DPoP` too (RFC 9449 §7), or use
///   [`dpop_only`](Self::dpop_only); [`scope`](Self::scope) and
///   [`resource_metadata`](Self::resource_metadata) go into every challenge;
///   [`form_body`](Self::form_body) also accepts the `access_token` form parameter
///   (RFC 6750 §2.2) where a form is read. Tokens in the query string (RFC 6750 §2.3) are
///   never read: RFC 9700 §2.4.2 forbids them.
/// * The framework extractors find it in the request extensions (axum: add it with
///   `axum::Extension(config)`) or in the app data (actix-web: `App::app_data(config)`);
///   without one they use `AccessTokenConfig::default()` (`Bearer`, no realm).
///
/// Cloning is cheap (the configuration is shared).
///
/// ```
/// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// use oauth_errors::extract::AccessTokenConfig;
///
/// let config = AccessTokenConfig::new("api").dpop("ES256 PS256");
///
/// // No credentials: 401 with both challenges and no error information (RFC 9449 §7.2).
/// let r = config.extract(&HeaderMap::new()).unwrap_err().to_response();
/// assert_eq!(r.status(), 401);
/// let challenges: Vec<_> = r.headers().get_all("www-authenticate").iter().collect();
/// assert_eq!(challenges, [r#"Bearer realm="api""#, r#"DPoP realm="api", algs="ES256 PS256""#]);
///
/// let mut headers = HeaderMap::new();
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer mF_9.B5f-4.1JqM"));
/// assert_eq!(config.extract(&headers).map(|t| t.as_str().to_owned()).ok().as_deref(), Some("mF_9.B5f-4.1JqM"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessTokenConfig(Arc<Config>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Config {
    bearer: Option<Challenge>,
    dpop: Option<Challenge>,
    form_body: bool,
}

impl Default for AccessTokenConfig {
    /// `Bearer` in the header, with no realm (the challenge is then written
    /// `Bearer realm=""`: RFC 6750 §3 needs a parameter).
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let r = AccessTokenConfig::default().extract(&http::HeaderMap::new()).unwrap_err().to_response();
    /// assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="""#);
    /// ```
    fn default() -> Self {
        AccessTokenConfig(Arc::new(Config {
            bearer: Some(Challenge::bearer()),
            dpop: None,
            form_body: false,
        }))
    }
}

impl AccessTokenConfig {
    /// `Bearer` tokens in the `Authorization` header, challenged with `realm` (see the
    /// [type-level example](AccessTokenConfig)).
    pub fn new(realm: impl Into<Cow<'static, str>>) -> Self {
        AccessTokenConfig::default().realm(realm)
    }

    fn edit(mut self, f: impl FnOnce(&mut Config)) -> Self {
        f(Arc::make_mut(&mut self.0));
        self
    }

    fn each(self, f: impl Fn(Challenge) -> Challenge) -> Self {
        self.edit(|c| {
            c.bearer = c.bearer.take().map(&f);
            c.dpop = c.dpop.take().map(&f);
        })
    }

    /// Sets the `realm` of every challenge.
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let config = AccessTokenConfig::default().realm("photos");
    /// assert_eq!(config.challenges()[0].get_realm(), Some("photos"));
    /// ```
    #[must_use]
    pub fn realm(self, realm: impl Into<Cow<'static, str>>) -> Self {
        let realm = realm.into();
        self.each(move |c| c.realm(realm.clone()))
    }

    /// Announces `scope` in every challenge (RFC 6750 §3). [`AccessToken::insufficient_scope`]
    /// replaces it with the scope a request lacked.
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let config = AccessTokenConfig::new("api").scope("read");
    /// assert_eq!(config.challenges()[0].to_string(), r#"Bearer realm="api", scope="read""#);
    /// ```
    #[must_use]
    pub fn scope(self, scope: impl Into<Scope>) -> Self {
        let scope = scope.into();
        self.each(move |c| c.scope(scope.clone()))
    }

    /// Announces the protected resource metadata URL in every challenge (RFC 9728 §5.1).
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let config = AccessTokenConfig::new("api")
    ///     .resource_metadata("https://rs.example.com/.well-known/oauth-protected-resource");
    /// assert_eq!(
    ///     config.challenges()[0].to_string(),
    ///     r#"Bearer realm="api", resource_metadata="https://rs.example.com/.well-known/oauth-protected-resource""#
    /// );
    /// ```
    #[must_use]
    pub fn resource_metadata(self, url: impl Into<Cow<'static, str>>) -> Self {
        let url = url.into();
        self.each(move |c| c.resource_metadata(url.clone()))
    }

    /// Also accepts `DPoP` tokens (RFC 9449 §7), announcing the JWS algorithms accepted for
    /// proofs (`algs`, e.g. `"ES256 PS256"`). The `DPoP` challenge takes the realm, scope
    /// and resource metadata set before or after.
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let config = AccessTokenConfig::new("api").dpop("ES256");
    /// assert_eq!(config.challenges()[1].to_string(), r#"DPoP realm="api", algs="ES256""#);
    /// ```
    #[must_use]
    pub fn dpop(self, algs: impl Into<Cow<'static, str>>) -> Self {
        let algs = algs.into();
        self.edit(|c| {
            let base = c.bearer.clone().unwrap_or_else(Challenge::bearer);
            c.dpop = Some(base.with_scheme(crate::wire::challenge::Scheme::DPoP).algs(algs));
        })
    }

    /// Accepts `DPoP` tokens only: a `Bearer` header is then an unsupported method
    /// (a 401 challenge without error, RFC 6750 §3.1).
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let config = AccessTokenConfig::new("api").dpop_only("ES256");
    /// assert_eq!(config.challenges().len(), 1);
    /// assert_eq!(config.challenges()[0].to_string(), r#"DPoP realm="api", algs="ES256""#);
    /// ```
    #[must_use]
    pub fn dpop_only(self, algs: impl Into<Cow<'static, str>>) -> Self {
        self.dpop(algs).edit(|c| c.bearer = None)
    }

    /// Also accepts a `Bearer` token in the `access_token` parameter of a form body
    /// (RFC 6750 §2.2), where the extractor reads a form (see
    /// [`extract_with_form`](Self::extract_with_form)).
    ///
    /// ```
    /// use oauth_errors::extract::{AccessTokenConfig, FormParams};
    ///
    /// let form = FormParams::parse(b"access_token=mF_9.B5f-4.1JqM")?;
    /// let config = AccessTokenConfig::new("api");
    /// assert!(config.extract_with_form(&http::HeaderMap::new(), Some(&form)).is_err());
    /// let token = config.form_body(true).extract_with_form(&http::HeaderMap::new(), Some(&form));
    /// assert_eq!(token.map(|t| t.as_str().to_owned()).ok().as_deref(), Some("mF_9.B5f-4.1JqM"));
    /// # Ok::<(), oauth_errors::extract::FormError>(())
    /// ```
    #[must_use]
    pub fn form_body(self, accept: bool) -> Self {
        self.edit(|c| c.form_body = accept)
    }

    /// The challenges announced, `Bearer` first.
    ///
    /// ```
    /// use oauth_errors::{Challenge, extract::AccessTokenConfig};
    /// assert_eq!(AccessTokenConfig::new("api").challenges(), [Challenge::bearer().realm("api")]);
    /// ```
    pub fn challenges(&self) -> Vec<Challenge> {
        self.0.bearer.iter().chain(&self.0.dpop).cloned().collect()
    }

    /// The answer to a request without usable credentials: 401 with every challenge and no
    /// error information (RFC 6750 §3.1, RFC 9449 §7.2).
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let r = AccessTokenConfig::new("api").authentication_required().to_response();
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="api""#);
    /// ```
    pub fn authentication_required(&self) -> AuthenticationRequired {
        let mut all = self.challenges().into_iter();
        let first = all.next().unwrap_or_else(Challenge::bearer);
        all.fold(AuthenticationRequired::new(first), AuthenticationRequired::and)
    }

    fn schemes_text(&self) -> &'static str {
        match (&self.0.bearer, &self.0.dpop) {
            (Some(_), Some(_)) => "Bearer or DPoP",
            (None, Some(_)) => "DPoP",
            _ => "Bearer",
        }
    }

    /// `err` at [`Endpoint::Resource`] with every challenge: the one for `used` carries the
    /// error parameters and the others are informational; with `used` unknown, every
    /// challenge carries them (RFC 9449 §7.2: the mechanism is ambiguous).
    fn reject(&self, err: ErrorResponse, used: Option<TokenScheme>) -> ErrorResponse {
        let mut err = err.at(Endpoint::Resource);
        let pairs = [(TokenScheme::Bearer, &self.0.bearer), (TokenScheme::DPoP, &self.0.dpop)];
        for (scheme, challenge) in pairs {
            if let Some(c) = challenge {
                let c = c.clone();
                err = err.with_challenge(match used {
                    Some(u) if u != scheme => c.informational(),
                    _ => c,
                });
            }
        }
        err
    }

    /// Reads the access token from the `Authorization` header (see
    /// [`extract_with_form`](Self::extract_with_form) for the rules).
    ///
    /// # Errors
    ///
    /// The [`Rejection`] to answer with (see [`extract_with_form`](Self::extract_with_form)).
    ///
    /// ```
    /// # #[cfg(feature = "actix-web")] {
    /// use actix_web::test::TestRequest;
    /// use oauth_errors::extract::{AccessTokenConfig, TokenScheme};
    ///
    /// // An actix-web request works as well as an `http` header map:
    /// let req = TestRequest::default()
    ///     .insert_header(("Authorization", "DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"))
    ///     .insert_header(("DPoP", "eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln"))
    ///     .to_http_request();
    /// let token = AccessTokenConfig::new("api").dpop("ES256").extract(&req).unwrap();
    /// assert_eq!(token.scheme(), TokenScheme::DPoP);
    /// assert_eq!(token.dpop_proof(), Some("eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln"));
    /// # }
    /// ```
    pub fn extract(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
    ) -> Result<AccessToken, Rejection> {
        self.extract_with_form(headers, None)
    }

    /// Reads the access token from the `Authorization` header, or from the form's
    /// `access_token` parameter when [`form_body`](Self::form_body) is on.
    ///
    /// * **Syntax** (RFC 6750 §2.1, RFC 9449 §7.1): `credentials = auth-scheme 1*SP
    ///   b64token`, the scheme matched case-insensitively (RFC 9110 §11.1), `b64token =
    ///   1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
    /// * **No credentials** — no `Authorization` header and no form token, or a
    ///   well-formed header with a scheme this resource does not accept (`Basic …`): the
    ///   401 [`AuthenticationRequired`] with every challenge and no error information
    ///   (RFC 6750 §3.1: "attempted using an unsupported authentication method").
    /// * **Malformed** — a repeated `Authorization` header, a header that is not
    ///   `auth-scheme [ 1*SP … ]` in visible ASCII, an accepted scheme without a valid
    ///   token (`Bearer` alone, `Bearer a b`), a malformed form token, or a token sent two
    ///   ways (header and form; RFC 6750 §2: "MUST NOT use more than one method"): 400
    ///   `invalid_request` with the challenges, the error in the challenge of the scheme
    ///   used (in every challenge when that is unknown, RFC 9449 §7.2).
    /// * **DPoP** (RFC 9449 §4.3, §7.1): the request must carry exactly one `DPoP` proof
    ///   header whose value is a compact JWS (three base64url parts): otherwise 401
    ///   `invalid_dpop_proof` with the `DPoP` challenge. A missing proof counts as an invalid
    ///   one (the choice where RFC 9449 names no code). Verifying the proof (signature,
    ///   `htm`, `htu`, `ath`, `jti`, nonce) and the token is the handler's job.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] above: [`Rejection::AuthenticationRequired`] or
    /// [`Rejection::Error`].
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// use oauth_errors::extract::AccessTokenConfig;
    ///
    /// let config = AccessTokenConfig::new("api");
    /// let mut headers = HeaderMap::new();
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer"));
    /// let r = config.extract(&headers).unwrap_err().to_response();
    /// assert_eq!(r.status(), 400);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header must be Bearer followed by an access token""#
    /// );
    ///
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic ZGVtbzp4"));
    /// let r = config.extract(&headers).unwrap_err().to_response();
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Bearer realm="api""#);
    /// ```
    pub fn extract_with_form(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
        form: Option<&FormParams>,
    ) -> Result<AccessToken, Rejection> {
        let malformed = |used| {
            let text = format!(
                "The Authorization header must be {} followed by an access token",
                self.schemes_text()
            );
            self.reject(OAuthError::InvalidRequest.with_description(ErrorText::lossy(&text)), used)
        };
        let form_token = form
            .filter(|_| self.0.form_body && self.0.bearer.is_some())
            .and_then(|f| f.get("access_token"));
        let header = match headers.header_field("authorization") {
            HeaderField::Absent => None,
            HeaderField::Once(value) => {
                Some(parse_credentials(value).ok_or_else(|| malformed(None))?)
            }
            HeaderField::Repeated => {
                let text = crate::error_text!("The Authorization header is repeated");
                return Err(self
                    .reject(OAuthError::InvalidRequest.with_description(text), None)
                    .into());
            }
        };
        let accepted = |scheme: &str| {
            if self.0.bearer.is_some() && scheme.eq_ignore_ascii_case("bearer") {
                Some(TokenScheme::Bearer)
            } else if self.0.dpop.is_some() && scheme.eq_ignore_ascii_case("dpop") {
                Some(TokenScheme::DPoP)
            } else {
                None
            }
        };
        let from_header = match header {
            Some((scheme, rest)) => match accepted(scheme) {
                Some(used) => {
                    let token =
                        rest.filter(|t| is_b64token(t)).ok_or_else(|| malformed(Some(used)))?;
                    Some((used, token))
                }
                None => None, // another scheme: no usable credentials
            },
            None => None,
        };
        let (scheme, token) = match (from_header, form_token) {
            (Some(_), Some(_)) => {
                let text = crate::error_text!("The access token must be sent in one way only");
                return Err(self
                    .reject(OAuthError::InvalidRequest.with_description(text), None)
                    .into());
            }
            (Some(found), None) => found,
            (None, Some(token)) => {
                if !is_b64token(token) {
                    let text = crate::error_text!("The access_token parameter is malformed");
                    let err = OAuthError::InvalidRequest.with_description(text);
                    return Err(self.reject(err, Some(TokenScheme::Bearer)).into());
                }
                (TokenScheme::Bearer, token)
            }
            (None, None) => return Err(self.authentication_required().into()),
        };
        let dpop_proof = match scheme {
            TokenScheme::Bearer => None,
            TokenScheme::DPoP => Some(self.dpop_proof(headers)?),
        };
        Ok(AccessToken { scheme, token: token.to_owned(), dpop_proof, config: self.clone() })
    }

    /// Like [`extract`](Self::extract), for resources that also serve anonymous requests:
    /// `Ok(None)` where `extract` would answer [`AuthenticationRequired`] (no usable
    /// credentials); malformed credentials are still rejected.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] of [`extract`](Self::extract) for anything but missing credentials.
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// use oauth_errors::extract::AccessTokenConfig;
    ///
    /// let config = AccessTokenConfig::new("api");
    /// let mut headers = HeaderMap::new();
    /// assert!(config.extract_optional(&headers).unwrap().is_none());
    /// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer"));
    /// assert_eq!(config.extract_optional(&headers).unwrap_err().status(), 400);
    /// ```
    pub fn extract_optional(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
    ) -> Result<Option<AccessToken>, Rejection> {
        match self.extract(headers) {
            Ok(token) => Ok(Some(token)),
            Err(Rejection::AuthenticationRequired(_)) => Ok(None),
            Err(other) => Err(other),
        }
    }

    fn dpop_proof(
        &self,
        headers: &(impl RequestHeaders + ?Sized),
    ) -> Result<String, ErrorResponse> {
        let invalid = |text: ErrorText| {
            self.reject(
                OAuthError::InvalidDpopProof.with_description(text),
                Some(TokenScheme::DPoP),
            )
        };
        match headers.header_field("dpop") {
            HeaderField::Absent => Err(invalid(crate::error_text!("The DPoP proof is missing"))),
            HeaderField::Once(proof) if is_compact_jws(proof) => {
                Ok(String::from_utf8_lossy(proof).into_owned())
            }
            HeaderField::Once(_) => {
                Err(invalid(crate::error_text!("The DPoP proof is not a well-formed JWT")))
            }
            HeaderField::Repeated => {
                Err(invalid(crate::error_text!("The request carries more than one DPoP proof")))
            }
        }
    }
}

/// `auth-scheme [ 1*SP rest ]` in visible ASCII (RFC 9110 §11.4); `None` when malformed.
fn parse_credentials(value: &[u8]) -> Option<(&str, Option<&str>)> {
    let s = core::str::from_utf8(value).ok()?;
    if !s.bytes().all(|b| b == b'\t' || (0x20..0x7F).contains(&b)) {
        return None;
    }
    let (scheme, rest) = match s.split_once(' ') {
        Some((scheme, rest)) => (scheme, Some(rest.trim_start_matches(' '))),
        None => (s, None),
    };
    (!scheme.is_empty() && scheme.bytes().all(is_tchar)).then_some((scheme, rest))
}

/// RFC 6750 §2.1 `b64token`.
fn is_b64token(token: &str) -> bool {
    let body = token.trim_end_matches('=');
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

/// A compact JWS: three base64url parts, the first two non-empty (RFC 7515 §7.1).
fn is_compact_jws(value: &[u8]) -> bool {
    let parts: Vec<&[u8]> = value.split(|&b| b == b'.').collect();
    let b64url = |p: &[u8]| p.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    parts.len() == 3
        && !parts[0].is_empty()
        && !parts[1].is_empty()
        && parts.iter().all(|p| b64url(p))
}

/// The access token of a protected-resource request, as read by
/// [`AccessTokenConfig::extract`] (or the axum / actix-web extractors, which call it).
///
/// It knows the resource's challenges, so the errors a handler answers with —
/// [`reject`](Self::reject), [`reject_with`](Self::reject_with),
/// [`insufficient_scope`](Self::insufficient_scope) — carry the right `WWW-Authenticate`
/// challenges at [`Endpoint::Resource`], the error in the challenge of the scheme the
/// client used.
///
/// ```
/// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// use oauth_errors::extract::{AccessTokenConfig, TokenScheme};
/// use oauth_errors::OAuthError;
///
/// let mut headers = HeaderMap::new();
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer demo-access-token"));
/// let token = AccessTokenConfig::new("demo").extract(&headers).unwrap();
/// assert_eq!((token.scheme(), token.as_str()), (TokenScheme::Bearer, "demo-access-token"));
///
/// let r = token.reject(OAuthError::InvalidToken.with_description("expired")).response();
/// assert_eq!(r.status(), 401);
/// assert_eq!(
///     r.headers()["www-authenticate"],
///     r#"Bearer realm="demo", error="invalid_token", error_description="expired""#
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    scheme: TokenScheme,
    token: String,
    dpop_proof: Option<String>,
    config: AccessTokenConfig,
}

impl core::fmt::Debug for AccessToken {
    /// The token and proof are credentials: never printed.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AccessToken")
            .field("scheme", &self.scheme)
            .field("token", &"<redacted>")
            .field("dpop_proof", &self.dpop_proof.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl AccessToken {
    /// The token (see the [type-level example](AccessToken)).
    pub fn as_str(&self) -> &str {
        &self.token
    }

    /// How it was presented (see the [type-level example](AccessToken)).
    pub fn scheme(&self) -> TokenScheme {
        self.scheme
    }

    /// The `DPoP` proof JWT for a [`TokenScheme::DPoP`] token (unverified; example at
    /// [`AccessTokenConfig::extract`]).
    pub fn dpop_proof(&self) -> Option<&str> {
        self.dpop_proof.as_deref()
    }

    /// The configuration it was read with.
    ///
    /// ```
    /// use oauth_errors::extract::AccessTokenConfig;
    /// let mut h = http::HeaderMap::new();
    /// h.insert("authorization", http::HeaderValue::from_static("Bearer x"));
    /// let config = AccessTokenConfig::new("api");
    /// assert_eq!(config.extract(&h).unwrap().config(), &config);
    /// ```
    pub fn config(&self) -> &AccessTokenConfig {
        &self.config
    }

    /// `err` at [`Endpoint::Resource`] with the resource's challenges: the error
    /// parameters in the challenge of this token's scheme, the other challenges
    /// informational (RFC 9449 §7.2). For `invalid_token`, `use_dpop_nonce`
    /// ([`ErrorResponse::use_dpop_nonce`]), `invalid_dpop_proof`, …
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue};
    /// use oauth_errors::extract::AccessTokenConfig;
    /// use oauth_errors::{DpopNonce, ErrorResponse};
    ///
    /// let mut h = HeaderMap::new();
    /// h.insert("authorization", HeaderValue::from_static("DPoP tok"));
    /// h.insert("dpop", HeaderValue::from_static("aGVhZA.Ym9keQ.c2ln"));
    /// let token = AccessTokenConfig::new("api").dpop("ES256").extract(&h).unwrap();
    /// let nonce = DpopNonce::new("eyJ7S_zG.eyJH0-Z.HX4w-7v")?;
    /// let r = token.reject(ErrorResponse::use_dpop_nonce(nonce)).response();
    /// assert_eq!(r.status(), 401);
    /// let challenges: Vec<_> = r.headers().get_all("www-authenticate").iter().collect();
    /// assert_eq!(challenges, [r#"Bearer realm="api""#, r#"DPoP realm="api", error="use_dpop_nonce", algs="ES256""#]);
    /// assert_eq!(r.headers()["dpop-nonce"], "eyJ7S_zG.eyJH0-Z.HX4w-7v");
    /// # Ok::<(), oauth_errors::text::TextError>(())
    /// ```
    pub fn reject(&self, err: impl Into<ErrorResponse>) -> ErrorResponse {
        self.config.reject(err.into(), Some(self.scheme))
    }

    /// Like [`reject`](Self::reject), with the challenge of this token's scheme changed by
    /// `challenge` — for step-up authentication (RFC 9470 §3: `acr_values`, `max_age`).
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue};
    /// use oauth_errors::extract::AccessTokenConfig;
    /// use oauth_errors::OAuthError;
    ///
    /// let mut h = HeaderMap::new();
    /// h.insert("authorization", HeaderValue::from_static("Bearer tok"));
    /// let token = AccessTokenConfig::new("api").extract(&h).unwrap();
    /// let r = token
    ///     .reject_with(OAuthError::InsufficientUserAuthentication, |c| c.acr_values("myACR").max_age(300))
    ///     .response();
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer realm="api", error="insufficient_user_authentication", acr_values="myACR", max_age="300""#
    /// );
    /// ```
    pub fn reject_with(
        &self,
        err: impl Into<ErrorResponse>,
        challenge: impl FnOnce(Challenge) -> Challenge,
    ) -> ErrorResponse {
        let used = Some(self.scheme);
        let mut config = (*self.config.0).clone();
        let slot = match self.scheme {
            TokenScheme::Bearer => &mut config.bearer,
            TokenScheme::DPoP => &mut config.dpop,
        };
        *slot = slot.take().map(challenge);
        AccessTokenConfig(Arc::new(config)).reject(err.into(), used)
    }

    /// `insufficient_scope` (403) with `scope` — the scope the request needs — in the
    /// challenge (RFC 6750 §3.1).
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue};
    /// use oauth_errors::extract::AccessTokenConfig;
    ///
    /// let mut h = HeaderMap::new();
    /// h.insert("authorization", HeaderValue::from_static("Bearer tok"));
    /// let token = AccessTokenConfig::new("api").extract(&h).unwrap();
    /// let r = token.insufficient_scope("write").response();
    /// assert_eq!(r.status(), 403);
    /// assert_eq!(
    ///     r.headers()["www-authenticate"],
    ///     r#"Bearer realm="api", scope="write", error="insufficient_scope""#
    /// );
    /// ```
    pub fn insufficient_scope(&self, scope: impl Into<Scope>) -> ErrorResponse {
        let scope = scope.into();
        self.reject_with(OAuthError::InsufficientScope, |c| c.scope(scope))
    }
}

/// An [`AccessToken`] if the request carries one: the extractor for resources that also
/// serve anonymous requests ([`AccessTokenConfig::extract_optional`]). `None` without
/// usable credentials; malformed credentials are rejected as with [`AccessToken`].
///
/// ```
/// use oauth_errors::extract::{AccessTokenConfig, OptionalAccessToken};
///
/// let OptionalAccessToken(token) =
///     OptionalAccessToken(AccessTokenConfig::new("api").extract_optional(&http::HeaderMap::new())?);
/// assert!(token.is_none());
/// # Ok::<(), oauth_errors::Rejection>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionalAccessToken(pub Option<AccessToken>);
