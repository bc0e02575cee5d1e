//! Where each code is used: the table's usage locations read as [`Endpoint`]s.
//!
//! The table's `usage` column is the IANA registry's "usage location" (or the defining
//! specification's equivalent). [`CodeInfo::used_at`] reads it with a fixed vocabulary and
//! a few rules that follow from the specifications, so that the list of codes an endpoint
//! can answer with ([`Endpoint::codes`]) is derived from the same table as everything else.

use crate::taxonomy::code::{ClientAction, CodeInfo, OAuthError};
use crate::taxonomy::endpoint::Endpoint;

/// Usage-location phrases and the endpoints they name. A usage string names every
/// endpoint whose phrase it contains.
const PHRASES: [(&str, &[Endpoint]); 10] = [
    ("any endpoint", &Endpoint::ALL),
    ("authorization endpoint", &[Endpoint::Authorization]),
    // RFC 8707 registers `invalid_target` for the implicit grant's authorization response.
    ("implicit grant error response", &[Endpoint::Authorization]),
    // Also "token endpoint response" (RFC 8628) and "…, token endpoint" (UMA 2.0).
    ("token endpoint", &[Endpoint::Token]),
    ("token error response", &[Endpoint::Token]),
    ("resource access error response", &[Endpoint::Resource]),
    ("revocation endpoint", &[Endpoint::Revocation]),
    ("registration endpoint", &[Endpoint::Registration]),
    ("backchannel authentication endpoint", &[Endpoint::BackchannelAuthentication]),
    // The product-level codes: "API write operations", "API resources",
    // "authentication API endpoints".
    ("API ", &[Endpoint::Api]),
];

impl CodeInfo {
    /// Whether this code is one an endpoint of this kind answers with, according to the
    /// table. Every code *renders* at every endpoint; this is the narrower question of
    /// which codes the specifications assign to it, used for documentation (the
    /// OpenAPI responses of the `utoipa` feature start from it).
    ///
    /// Read from the table's usage location, plus five rules:
    ///
    /// * `invalid_request` at every endpoint: every error format in use has it for a
    ///   malformed request (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1,
    ///   RFC 7591 §3.2.2, RFC 9126 §2.3, OpenID CIBA §13).
    /// * `invalid_client` at every endpoint that authenticates clients
    ///   ([`Endpoint::authenticates_clients`]), where the RFC 6749 §5.2 401/400 rule applies.
    /// * At the pushed authorization request endpoint, the authorization endpoint's codes
    ///   except those asking for user interaction ([`ClientAction::UserActionNeeded`]):
    ///   RFC 9126 §2.3 returns authorization-request errors as JSON, but "error codes
    ///   related to user interaction … are never returned".
    /// * An [access-token error](CodeInfo::access_token_error) at every endpoint that
    ///   [accepts access tokens](Endpoint::accepts_access_tokens): a rejected token is
    ///   answered there as RFC 6750 §3 describes (RFC 7662 §2.3 for introspection, RFC 7591
    ///   §3.2.2 for an initial access token at registration).
    /// * Wherever the table gives the code a status of its own (`access_denied` at the
    ///   CIBA backchannel authentication endpoint, the federation codes at PAR).
    ///
    /// Codes used only at endpoints this crate has no [`Endpoint`] for (the OpenID4VCI
    /// credential endpoint, the CIBA client notification endpoint) are used at none.
    /// `server_error` and `temporarily_unavailable` are registered for the authorization
    /// endpoint only: a service that also answers with them elsewhere says so (see
    /// `ErrorResponses::codes` under the `utoipa` feature).
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let used = |code: OAuthError, e| code.info().used_at(e);
    /// assert!(used(OAuthError::InvalidGrant, Endpoint::Token));
    /// assert!(!used(OAuthError::InvalidGrant, Endpoint::Revocation));
    /// assert!(used(OAuthError::UnsupportedTokenType, Endpoint::Revocation));
    /// assert!(used(OAuthError::InvalidClient, Endpoint::Introspection));
    /// assert!(used(OAuthError::InvalidToken, Endpoint::Introspection)); // the caller's token
    /// assert!(!used(OAuthError::InvalidToken, Endpoint::Token));
    /// assert!(used(OAuthError::InvalidRequestObject, Endpoint::PushedAuthorization));
    /// assert!(!used(OAuthError::ConsentRequired, Endpoint::PushedAuthorization));
    /// assert!(used(OAuthError::TooManyRequests, Endpoint::Registration));
    /// assert!(!used(OAuthError::InvalidNonce, Endpoint::Token)); // the credential endpoint
    /// ```
    pub fn used_at(&self, endpoint: Endpoint) -> bool {
        let named = |e: Endpoint| {
            PHRASES.iter().any(|(phrase, eps)| eps.contains(&e) && self.usage.contains(phrase))
        };
        named(endpoint)
            || (self.access_token_error && endpoint.accepts_access_tokens())
            || self.endpoint_status.iter().any(|(e, _)| *e == endpoint)
            || self.code == OAuthError::InvalidRequest.info().code
            || (self.code == OAuthError::InvalidClient.info().code
                && endpoint.authenticates_clients())
            || (endpoint == Endpoint::PushedAuthorization
                && named(Endpoint::Authorization)
                && self.action != ClientAction::UserActionNeeded)
    }
}

impl Endpoint {
    /// The known codes [used](CodeInfo::used_at) at this endpoint, in table order.
    ///
    /// ```
    /// use oauth_errors::{Endpoint, OAuthError};
    ///
    /// let revocation: Vec<_> = Endpoint::Revocation.codes().collect();
    /// assert_eq!(
    ///     revocation,
    ///     [
    ///         OAuthError::InvalidRequest,
    ///         OAuthError::InvalidClient,
    ///         OAuthError::UnsupportedTokenType,
    ///         OAuthError::TooManyRequests,
    ///         OAuthError::MethodNotAllowed,
    ///     ]
    /// );
    /// ```
    pub fn codes(self) -> impl Iterator<Item = OAuthError> {
        OAuthError::KNOWN.iter().filter(move |c| c.info().used_at(self)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every usage string in the table names at least one endpoint, except those of
    /// endpoints the crate does not model; a new phrase must be added to the vocabulary.
    #[test]
    fn every_usage_phrase_is_understood() {
        for code in OAuthError::KNOWN {
            let info = code.info();
            let unmodelled = ["credential endpoint", "client notification endpoint"];
            if unmodelled.iter().any(|u| info.usage.starts_with(u)) {
                assert!(
                    PHRASES.iter().all(|(p, _)| !info.usage.contains(p)),
                    "{}: {}",
                    info.code,
                    info.usage
                );
                continue;
            }
            assert!(
                PHRASES.iter().any(|(p, _)| info.usage.contains(p)),
                "{}: usage {:?} names no endpoint",
                info.code,
                info.usage
            );
        }
    }
}
