//! Where an error is returned: the endpoint decides the HTTP status of some codes.

use core::fmt;

/// The kind of endpoint that produces an error response.
///
/// Several codes have different HTTP statuses depending on where they are returned
/// (for example `invalid_dpop_proof` is `400` at the token endpoint but `401` with a
/// `WWW-Authenticate: DPoP` challenge at a protected resource, RFC 9449 §7.1). The
/// per-code table ([`CodeInfo::status_at`](crate::CodeInfo::status_at)) is keyed by this enum.
///
/// ```
/// use oauth_errors::{Endpoint, OAuthError};
///
/// assert_eq!(OAuthError::InvalidDpopProof.status_at(Endpoint::Token), 400);
/// assert_eq!(OAuthError::InvalidDpopProof.status_at(Endpoint::Resource), 401);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::EnumIter, strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Endpoint {
    /// The authorization endpoint when the error is **not** redirected to the client
    /// (unknown client, missing or unregistered `redirect_uri`, RFC 6749 §4.1.2.1), and
    /// the status an authorization-endpoint code maps to when it is delivered as JSON.
    /// Redirected errors carry no HTTP status of their own; see [`crate::authorize`].
    Authorization,
    /// The token endpoint (RFC 6749 §5.2). The default.
    #[default]
    Token,
    /// A protected resource, the UserInfo endpoint (OpenID Connect Core 1.0 §5.3.3) or a
    /// client configuration endpoint (RFC 7592 §2, registration management with a
    /// registration access token): every request here is a protected-resource request,
    /// so every resource access error carries a `WWW-Authenticate` challenge (RFC 6750 §3),
    /// `invalid_request` included.
    Resource,
    /// The token revocation endpoint (RFC 7009 §2.2.1).
    Revocation,
    /// The token introspection endpoint (RFC 7662 §2.3). Its caller authenticates as a
    /// client or with an access token (RFC 7662 §2.1); a rejected access token is
    /// answered with 401 and a challenge, as RFC 6750 §3 describes (RFC 7662 §2.3).
    Introspection,
    /// The dynamic client registration endpoint (RFC 7591 §3.2.2). An initial access
    /// token, when the server requires one (RFC 7591 §3), is rejected "appropriate to the
    /// OAuth 2.0 token type" — for a bearer token, as RFC 6750 §3 describes.
    Registration,
    /// The device authorization endpoint (RFC 8628 §3.2).
    DeviceAuthorization,
    /// The pushed authorization request endpoint (RFC 9126 §2.3).
    PushedAuthorization,
    /// The OpenID CIBA backchannel authentication endpoint.
    BackchannelAuthentication,
    /// A plain HTTP API that is not an OAuth endpoint (product-specific codes such as
    /// `too_many_requests` or `method_not_allowed` live here). It may be protected by
    /// access tokens: a rejected token is answered as at [`Resource`](Self::Resource),
    /// while its other errors (`invalid_request`, 404, 429, …) carry no challenge.
    Api,
}

impl Endpoint {
    /// Every endpoint, in declaration order.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// assert_eq!(Endpoint::ALL.len(), 10);
    /// assert!(Endpoint::ALL.contains(&Endpoint::default()));
    /// // `slow_down` is 400 wherever it is returned:
    /// assert!(Endpoint::ALL.iter().all(|&e| OAuthError::SlowDown.status_at(e) == 400));
    /// ```
    pub const ALL: [Endpoint; 10] = [
        Endpoint::Authorization,
        Endpoint::Token,
        Endpoint::Resource,
        Endpoint::Revocation,
        Endpoint::Introspection,
        Endpoint::Registration,
        Endpoint::DeviceAuthorization,
        Endpoint::PushedAuthorization,
        Endpoint::BackchannelAuthentication,
        Endpoint::Api,
    ];

    /// The endpoint's name in `snake_case`, as used in docs and the taxonomy JSON.
    ///
    /// ```
    /// assert_eq!(oauth_errors::Endpoint::PushedAuthorization.as_str(), "pushed_authorization");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether client authentication happens at this endpoint the way it does at the
    /// token endpoint (RFC 6749 §2.3), so that `invalid_client` follows the
    /// 401-with-challenge-or-400 rule of RFC 6749 §5.2.
    ///
    /// ```
    /// use oauth_errors::Endpoint;
    /// assert!(Endpoint::Revocation.authenticates_clients());
    /// assert!(!Endpoint::Resource.authenticates_clients());
    /// ```
    pub const fn authenticates_clients(self) -> bool {
        matches!(
            self,
            Endpoint::Token
                | Endpoint::Revocation
                | Endpoint::Introspection
                | Endpoint::DeviceAuthorization
                | Endpoint::PushedAuthorization
                | Endpoint::BackchannelAuthentication
        )
    }

    /// Whether a request to this endpoint may be authorized with an OAuth access token
    /// (RFC 6750 §2, or a DPoP-bound one, RFC 9449 §7), so that a code rejecting that token
    /// ([`CodeInfo::access_token_error`](crate::CodeInfo::access_token_error)) is answered
    /// as RFC 6750 §3 describes: with a `WWW-Authenticate` challenge, whatever its status.
    ///
    /// True for [`Resource`](Self::Resource) (protected resources, UserInfo, RFC 7592 client
    /// configuration), [`Introspection`](Self::Introspection) (RFC 7662 §2.1 allows an
    /// access token instead of client authentication), [`Registration`](Self::Registration)
    /// (RFC 7591 §3 initial access token) and [`Api`](Self::Api). The other endpoints
    /// authenticate clients or users, never access tokens.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// assert!(Endpoint::Introspection.accepts_access_tokens());
    /// assert!(!Endpoint::Token.accepts_access_tokens());
    /// // RFC 7662 §2.3: an under-privileged bearer token at the introspection endpoint.
    /// let r = OAuthError::InsufficientScope.to_response(Endpoint::Introspection);
    /// assert_eq!(r.status(), 401);
    /// assert_eq!(r.headers()["www-authenticate"], r#"Bearer error="insufficient_scope""#);
    /// ```
    pub const fn accepts_access_tokens(self) -> bool {
        matches!(
            self,
            Endpoint::Resource | Endpoint::Introspection | Endpoint::Registration | Endpoint::Api
        )
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
