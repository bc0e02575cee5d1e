// The single source of truth: one row per known error code.
//
// Every fact about a code lives here and nowhere else: wire string, default status,
// per-endpoint statuses, registry, defining spec section and link, usage locations,
// client action, description, common causes, remedy, and the note explaining any status
// choice where specifications disagree. The `OAuthError` enum, its string conversions, its
// rustdoc, the crate-level taxonomy table and the tests are all derived from this table.
//
// Row order: RFC 6749 core, RFC 6750, then the IANA registry order, then codes defined
// elsewhere, then product-level codes.
//
// Conventions: every string is a one-line Rust string literal (no raw strings); `note` is
// empty when the specifications leave no doubt about the status, and otherwise starts with
// "**Status choice.** ". Links inside strings point only to https URLs or to existing crate
// items.

define_codes! {
    // ----------------------------------------------------------------------------------
    // RFC 6749 (OAuth 2.0 core)
    // ----------------------------------------------------------------------------------
    InvalidRequest {
        code: "invalid_request",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "authorization endpoint, token endpoint, resource access error response",
        action: FixRequest,
        description: "The request is missing a required parameter, has an invalid or repeated parameter, uses more than one client authentication method, or is otherwise malformed.",
        causes: [
            "A required parameter such as `grant_type`, `code` or `redirect_uri` is missing, or its value is not valid (for example a `redirect_uri` that is not a URI).",
            "A parameter appears twice, or the client authenticates with more than one method at once (for example Basic credentials and a `client_secret` in the body).",
            "The token request body is not `application/x-www-form-urlencoded`, or the `Authorization` header does not have the form `Bearer <token>`.",
            "A PKCE rule is broken: a public client omits `code_challenge`, or sends a `code_verifier` although no challenge was used.",
        ],
        remedy: "Compare the request with the endpoint's documented parameters, send each parameter exactly once with a valid value, and use a single client authentication method.",
        note: "**Status choice.** 400 wherever it is answered directly: at the token and similar JSON endpoints (RFC 6749 §5.2) and at a protected resource together with a challenge (RFC 6750 §3.1). At the other endpoints that accept access tokens (introspection, registration, an API) it is the endpoint's own malformed-request error and carries no challenge. At the authorization endpoint it is redirected to the client unless the redirect URI itself is the problem. For an unsupported `prompt` value such as `prompt=create`, Initiating User Registration via OpenID Connect 1.0 §4.1 asks for \"an HTTP 400 (Bad Request) status code\" with `invalid_request`, which reads like a direct answer; this crate treats it as a redirected `invalid_request` whenever the redirect URI is valid (the redirect model of OpenID Connect Core 1.0 §3.1.2.6) and answers 400 directly only when it is not. A resource request that carries no access token at all is not an `invalid_request`: RFC 6750 §3.1 wants a 401 challenge without error information, whatever the example in RFC 9728 §5.1 shows.",
    }
    InvalidClient {
        code: "invalid_client",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "token endpoint, authorization endpoint",
        action: FixClientConfiguration,
        description: "Client authentication failed: the client is unknown, sent no client authentication, or used an authentication method the server does not support for it.",
        causes: [
            "No client credentials were sent, or only one of `client_id` and `client_secret` was provided.",
            "The `client_id` is unknown or the `client_secret` is wrong (check for stale or rotated secrets).",
            "The client is disabled or inactive, or a deployment rule such as an IP allow-list rejects it.",
            "The client authenticated with a method it is not registered for (for example `client_secret_post` instead of `client_secret_basic`).",
        ],
        remedy: "Verify the stored client credentials and the registered token endpoint authentication method, and make sure the client is active at the provider.",
        note: "**Status choice.** RFC 6749 §5.2 requires 401 with a `WWW-Authenticate` challenge matching the client's scheme when the client authenticated with the `Authorization` header, and allows 400 otherwise. This crate answers 401 + challenge exactly when the request's [`ClientAuth`](crate::ClientAuth) is header-based and 400 otherwise, at every endpoint that authenticates clients ([`Endpoint::authenticates_clients`](crate::Endpoint::authenticates_clients): token, revocation, introspection, device authorization, PAR, CIBA — including introspection, where RFC 7662 §2.3 says 401, and CIBA, where conformance tests expect 401): a 401 without a challenge violates RFC 9110 §11.6.1 and cannot be built. At the authorization endpoint it is never redirected (IANA lists it there; RFC 6749 §4.1.2.1 forbids redirecting for an invalid client).",
        redirectable: false,
    }
    InvalidGrant {
        code: "invalid_grant",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "token endpoint",
        action: Reauthenticate,
        description: "The authorization grant (authorization code, device code, password credentials, assertion) or refresh token is invalid, expired, revoked, bound to a different redirect URI, or was issued to another client.",
        causes: [
            "The authorization code has expired (codes typically live a few minutes) or was already exchanged once.",
            "The refresh token was revoked, has expired, or was replaced by a newer one after rotation.",
            "The `redirect_uri` differs from the one used in the authorization request, or the code was issued to another client.",
            "The PKCE `code_verifier` does not match the `code_challenge` sent with the authorization request.",
        ],
        remedy: "Do not retry with the same grant: start a new authorization (or log the user in again) to obtain a fresh code or refresh token, and keep `redirect_uri` and `code_verifier` identical between the two requests.",
        note: "",
    }
    UnauthorizedClient {
        code: "unauthorized_client",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "authorization endpoint, token endpoint",
        action: FixClientConfiguration,
        description: "The client is known but is not allowed to use this grant type or to request a code or token this way.",
        causes: [
            "The grant type (for example `client_credentials` or `password`) is not enabled for this client.",
            "The client requests a response type or flow it is not registered for (for example a CIBA client registered for push mode calling the token endpoint).",
            "A grant obtained by one client is presented by another.",
        ],
        remedy: "Enable the grant type or response type for the client in its registration, or switch to a flow the client is allowed to use; ask the provider if the setting is not under your control.",
        note: "",
    }
    UnsupportedGrantType {
        code: "unsupported_grant_type",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "token endpoint",
        action: FixClientConfiguration,
        description: "The authorization server does not support the requested `grant_type` at all.",
        causes: [
            "The `grant_type` value is misspelled or is not one the server implements (for example `password` on a server that only offers `authorization_code` and `refresh_token`).",
            "An extension grant URI (token exchange, device code, CIBA, JWT bearer) is sent to a server without that extension.",
        ],
        remedy: "Use one of the grant types the server lists in its documentation or in `grant_types_supported` of its metadata.",
        note: "",
    }
    InvalidScope {
        code: "invalid_scope",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§5.2", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
        usage: "authorization endpoint, token endpoint",
        action: FixRequest,
        description: "A requested scope value is unknown, malformed or not allowed, or the request asks for more than the resource owner granted.",
        causes: [
            "A scope value is misspelled, unknown, or does not follow the server's scope syntax (for example a comma-separated list instead of a space-separated one).",
            "The client is not allowed to request that scope.",
            "A refresh or token-exchange request asks for more scope than the original grant.",
        ],
        remedy: "Request only documented scopes the client is allowed to use, separated by spaces, and never more than the original grant when refreshing.",
        note: "",
    }
    AccessDenied {
        code: "access_denied",
        status: 400,
        at: { BackchannelAuthentication: 403 },
        registry: Iana,
        spec: ("RFC 6749", "§4.1.2.1", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1"),
        usage: "authorization endpoint; token endpoint response (RFC 8628)",
        action: Stop,
        description: "The user (resource owner) or the server's policy refused the request.",
        causes: [
            "The user clicked \"deny\" or cancelled on the consent screen or on the device.",
            "A server policy rejects this user, client or request (for example an inactive account).",
            "In the device or CIBA flow, the user rejected the request on their device.",
        ],
        remedy: "Stop the flow and tell the user that access was not granted; only start a new authorization if the user asks for it.",
        note: "**Status choice.** At the authorization endpoint it is redirected to the client (RFC 6749 §4.1.2.1) and maps to 400 when delivered as JSON. At the token endpoint it is the device-flow and CIBA polling answer, 400 per RFC 8628 §3.5 and RFC 6749 §5.2. At the CIBA backchannel authentication endpoint the authentication error response uses 403 Forbidden. APIs that answer 403 everywhere, as some vendor APIs do, should express that with a [`Contract`](crate::Contract) override rather than by changing this default.",
    }
    UnsupportedResponseType {
        code: "unsupported_response_type",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§4.1.2.1", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The authorization server does not support obtaining a code or token with the requested `response_type`.",
        causes: [
            "The `response_type` is misspelled or uses a value the server does not offer (for example `token` on a server that has removed the implicit flow).",
            "A hybrid response type such as `code id_token` is sent to a server that supports only `code`.",
        ],
        remedy: "Use a `response_type` listed in the server's `response_types_supported` metadata; `code` with PKCE is the safe default.",
        note: "**Status choice.** Redirected at the authorization endpoint (RFC 6749 §4.1.2.1) and 400 when delivered as JSON, for example at a pushed authorization request endpoint (RFC 9126 §2.3). One of the vendor APIs this crate was built from answers 501 Not Implemented instead; reproduce that with a [`Contract`](crate::Contract) override.",
    }
    ServerError {
        code: "server_error",
        status: 500,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§4.1.2.1", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1"),
        usage: "authorization endpoint",
        action: ContactProvider,
        description: "Something unexpected went wrong inside the authorization server, so it could not complete the request.",
        causes: [
            "A bug or unhandled exception in the server.",
            "A backing service such as the database or a directory could not be reached.",
            "Corrupt or inconsistent data for the client or the user.",
        ],
        remedy: "Do not retry automatically: the failed request may already have used a one-time grant (an authorization code, a rotated refresh token), so a blind retry can turn this error into `invalid_grant` or get the grant revoked; unlike `temporarily_unavailable` it signals nothing transient. Let the user try again later, and report the problem to the provider (with the time and any request identifier) if it keeps happening.",
        note: "**Status choice.** IANA registers `server_error` only for the authorization endpoint, where it is redirected precisely because a 500 \"cannot be returned to the client via an HTTP redirect\" (RFC 6749 §4.1.2.1). RFC 6749 §5.2 does not define it, nor any 5xx status, for the token endpoint (a gap, not a prohibition). When an endpoint answers with it directly this crate uses 500 Internal Server Error (RFC 9110 §15.6.1), as OpenID Federation 1.0 §8.9 does for federation endpoints and as deployed APIs do.",
    }
    TemporarilyUnavailable {
        code: "temporarily_unavailable",
        status: 503,
        at: {},
        registry: Iana,
        spec: ("RFC 6749", "§4.1.2.1", "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1"),
        usage: "authorization endpoint",
        action: RetryLater,
        description: "The server is overloaded or down for maintenance and cannot serve the request at the moment.",
        causes: [
            "Planned maintenance of the server or of the user's data store.",
            "A temporary overload or an outage of a dependency.",
        ],
        remedy: "Retry later with backoff, honouring `Retry-After` when the response carries it.",
        note: "**Status choice.** IANA registers `temporarily_unavailable` only for the authorization endpoint, where it is redirected because a 503 \"cannot be returned to the client via an HTTP redirect\" (RFC 6749 §4.1.2.1). RFC 6749 §5.2 does not define it for the token endpoint. When an endpoint answers with it directly this crate uses 503 Service Unavailable, optionally with `Retry-After` (RFC 9110 §15.6.4 and §10.2.3), the status OpenID Federation 1.0 §8.9 also assigns.",
    }

    // ----------------------------------------------------------------------------------
    // RFC 6750 (Bearer token usage)
    // ----------------------------------------------------------------------------------
    InvalidToken {
        code: "invalid_token",
        status: 401,
        at: {},
        registry: Iana,
        spec: ("RFC 6750", "§3.1", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1"),
        usage: "resource access error response",
        action: Reauthenticate,
        description: "The access token cannot be accepted: it has expired, was revoked, is malformed, or fails validation in some other way.",
        causes: [
            "The access token has expired or was revoked.",
            "The token is truncated, corrupted, or was issued by a different server or for a different audience.",
            "A sender-constrained token (mTLS or DPoP) was presented without its proof of possession, or as a plain Bearer token.",
            "The user the token was issued to no longer exists or is disabled.",
        ],
        remedy: "Obtain a new access token (refresh it, or run the authorization flow again) and send it as `Authorization: Bearer <token>`.",
        note: "",
        access_token_error: true,
    }
    InsufficientScope {
        code: "insufficient_scope",
        status: 403,
        at: { Introspection: 401 },
        registry: Iana,
        spec: ("RFC 6750", "§3.1", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1"),
        usage: "resource access error response",
        action: RequestScope,
        description: "The access token is valid but does not carry the scope the request needs.",
        causes: [
            "The token was obtained with too narrow a scope for this operation (for example read-only scopes for a write call).",
            "The user or an administrator granted fewer scopes than the client requested.",
        ],
        remedy: "Request a new token with the scope named in the challenge's `scope` attribute (or the scope the API documents) and retry with it.",
        note: "**Status choice.** 403 with a `WWW-Authenticate` challenge wherever an access token is checked: at a protected resource (RFC 6750 §3.1), at the registration endpoint for an initial access token (RFC 7591 §3.2.2 defers to the token type, hence to RFC 6750 §3), at a client configuration endpoint (RFC 7592 §2.1 also answers a client without permission with 403) and at an API. The token introspection endpoint is the exception: RFC 7662 §2.3 answers a caller whose bearer token lacks the privileges with 401, as in RFC 6750 §3, so this crate answers 401 there, with the same challenge.",
        access_token_error: true,
    }

    // ----------------------------------------------------------------------------------
    // IANA OAuth Extensions Error Registry, in registry order
    // ----------------------------------------------------------------------------------
    UnsupportedTokenType {
        code: "unsupported_token_type",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 7009", "§2.2.1", "https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1"),
        usage: "revocation endpoint error response",
        action: FixRequest,
        description: "The authorization server does not support revoking the presented type of token.",
        causes: [
            "The client asks to revoke a token type the server cannot revoke (for example self-contained access tokens when only refresh tokens are revocable).",
        ],
        remedy: "Revoke a token type the server supports, typically the refresh token, which also ends the access tokens issued from it on most servers.",
        note: "",
    }
    InteractionRequired {
        code: "interaction_required",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: UserActionNeeded,
        description: "The authorization server needs to show the user some interface to continue, but the request used `prompt=none`.",
        causes: [
            "A silent (`prompt=none`) request reached a point where the user must confirm something, complete a step or accept terms.",
        ],
        remedy: "Send the user through a normal, interactive authorization request without `prompt=none`.",
        note: "**Status choice.** Normally redirected to the client (OpenID Connect Core 1.0 §3.1.2.6); 400 is used only when it is rendered as JSON. It is never returned by a pushed authorization request endpoint, since no user interaction has happened at that point (RFC 9126 §2.3).",
    }
    LoginRequired {
        code: "login_required",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: UserActionNeeded,
        description: "The user must authenticate, but the request used `prompt=none` or the existing session cannot be used.",
        causes: [
            "A silent (`prompt=none`) request was made while the user had no session at the provider.",
            "The session is older than `max_age`, or does not match the user in `id_token_hint`.",
        ],
        remedy: "Send the user through an interactive authorization request so they can log in.",
        note: "**Status choice.** Normally redirected to the client (OpenID Connect Core 1.0 §3.1.2.6); 400 is used only when it is rendered as JSON. It is never returned by a pushed authorization request endpoint, since no user interaction has happened at that point (RFC 9126 §2.3).",
    }
    AccountSelectionRequired {
        code: "account_selection_required",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: UserActionNeeded,
        description: "The user has to choose between several sessions or accounts, but the request used `prompt=none`.",
        causes: [
            "The user is logged in with more than one account and the silent request gave no hint (`login_hint`, `id_token_hint`) to pick one.",
        ],
        remedy: "Repeat the request interactively (for example with `prompt=select_account`), or pass a `login_hint` that identifies the account.",
        note: "**Status choice.** Normally redirected to the client (OpenID Connect Core 1.0 §3.1.2.6); 400 is used only when it is rendered as JSON. It is never returned by a pushed authorization request endpoint, since no user interaction has happened at that point (RFC 9126 §2.3).",
    }
    ConsentRequired {
        code: "consent_required",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: UserActionNeeded,
        description: "The user must grant consent, but the request used `prompt=none`.",
        causes: [
            "The silent request asks for scopes or claims the user has not yet consented to for this client.",
            "The user revoked an earlier consent.",
        ],
        remedy: "Send the user through an interactive authorization request (for example with `prompt=consent`) so they can approve the access.",
        note: "**Status choice.** Normally redirected to the client (OpenID Connect Core 1.0 §3.1.2.6); 400 is used only when it is rendered as JSON. It is never returned by a pushed authorization request endpoint, since no user interaction has happened at that point (RFC 9126 §2.3).",
    }
    InvalidRequestUri {
        code: "invalid_request_uri",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The `request_uri` could not be fetched, returned an error, or points to invalid data.",
        causes: [
            "The URI is unreachable, answers with an error, or returns something that is not a request object.",
            "A `request_uri` from a pushed authorization request has expired or was already used.",
        ],
        remedy: "Make sure the `request_uri` is reachable by the server and serves a valid request object, or push a new authorization request and use the fresh `request_uri` promptly.",
        note: "",
    }
    InvalidRequestObject {
        code: "invalid_request_object",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The `request` parameter (or the object behind `request_uri`) contains an invalid request object.",
        causes: [
            "The signature does not verify, or the object is signed or encrypted with an algorithm or key the server does not accept.",
            "Required claims such as `iss`, `aud` or `exp` are missing or wrong, or the object has expired.",
            "Parameters inside the object contradict the ones sent outside it.",
        ],
        remedy: "Sign (and if required encrypt) the request object with a registered key and algorithm, set `aud` to the server's issuer identifier, and keep it fresh.",
        note: "**Status choice.** Redirected at the authorization endpoint (OpenID Connect Core 1.0 §3.1.2.6, RFC 9101 §7) and 400 as JSON at a pushed authorization request endpoint. RFC 9101 §6.3 says request-object validation failures are returned as specified in RFC 6749 §5.2, the token endpoint's format, even though they happen at the authorization endpoint; this crate follows the redirect model of RFC 9101 §7 and uses 400 whenever the error is answered directly.",
    }
    RequestNotSupported {
        code: "request_not_supported",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The server does not support the `request` parameter (request objects passed by value).",
        causes: [
            "The client sends a `request` parameter to a server whose metadata says `request_parameter_supported` is false.",
        ],
        remedy: "Send the authorization parameters as plain query parameters, or use a mechanism the server supports such as `request_uri` or pushed authorization requests.",
        note: "",
    }
    RequestUriNotSupported {
        code: "request_uri_not_supported",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The server does not support the `request_uri` parameter.",
        causes: [
            "The client sends a `request_uri` to a server whose metadata says `request_uri_parameter_supported` is false.",
        ],
        remedy: "Pass the request object by value in `request`, or send the parameters directly, according to the server's metadata.",
        note: "",
    }
    RegistrationNotSupported {
        code: "registration_not_supported",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Connect Core 1.0", "§3.1.2.6", "https://openid.net/specs/openid-connect-core-1_0.html#AuthError"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The server does not support the `registration` parameter.",
        causes: [
            "The client passes its metadata in a `registration` parameter (a self-issued or unregistered client pattern) to a server that does not accept it.",
        ],
        remedy: "Register the client beforehand (statically or through dynamic client registration) and drop the `registration` parameter.",
        note: "",
    }
    NeedInfo {
        code: "need_info",
        status: 403,
        at: {},
        registry: Iana,
        spec: ("UMA 2.0 Grant", "§3.3.6", "https://docs.kantarainitiative.org/uma/wg/rec-oauth-uma-grant-2.0.html#rfc.section.3.3.6"),
        usage: "authorization server response, token endpoint",
        action: UserActionNeeded,
        description: "The authorization server needs more information, such as claims about the requesting party, before it can decide on the requested permissions.",
        causes: [
            "The policy for the resource needs claims (for example an email address or a membership) that the client did not push.",
            "The requesting party has to visit the claims interaction endpoint given in `redirect_user`.",
        ],
        remedy: "Use the returned `ticket` and gather what `required_claims` asks for, either by pushing claim tokens or by redirecting the requesting party to the claims interaction endpoint, then ask again.",
        note: "**Status choice.** 403 Forbidden, from UMA 2.0 Grant §3.3.6 as tabulated in the Kantara UMA Implementer's Guide; this is a secondary source and the status was not checked against the specification text itself.",
    }
    RequestDenied {
        code: "request_denied",
        status: 403,
        at: {},
        registry: Iana,
        spec: ("UMA 2.0 Grant", "§3.3.6", "https://docs.kantarainitiative.org/uma/wg/rec-oauth-uma-grant-2.0.html#rfc.section.3.3.6"),
        usage: "authorization server response, token endpoint",
        action: Stop,
        description: "The client is not authorized to receive the requested permissions.",
        causes: [
            "The resource owner's policy does not grant these permissions to this requesting party or client.",
            "The resource owner refused the request after being asked.",
        ],
        remedy: "Stop requesting these permissions and tell the requesting party that access was refused.",
        note: "**Status choice.** 403 Forbidden, from UMA 2.0 Grant §3.3.6 as tabulated in the Kantara UMA Implementer's Guide; this is a secondary source and the status was not checked against the specification text itself.",
    }
    RequestSubmitted {
        code: "request_submitted",
        status: 403,
        at: {},
        registry: Iana,
        spec: ("UMA 2.0 Grant", "§3.3.6", "https://docs.kantarainitiative.org/uma/wg/rec-oauth-uma-grant-2.0.html#rfc.section.3.3.6"),
        usage: "authorization server response, token endpoint",
        action: KeepPolling,
        description: "The authorization server has asked the resource owner to decide, and the decision is still pending.",
        causes: [
            "The policy requires the resource owner's approval, which has been requested but not yet given.",
        ],
        remedy: "Keep the returned `ticket` and ask again later, no more often than the `interval` the server returned.",
        note: "**Status choice.** 403 Forbidden, from UMA 2.0 Grant §3.3.6 as tabulated in the Kantara UMA Implementer's Guide; this is a secondary source and the status was not checked against the specification text itself.",
    }
    InvalidRedirectUri {
        code: "invalid_redirect_uri",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 7591", "§3.2.2", "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2"),
        usage: "registration endpoint",
        action: FixClientConfiguration,
        description: "At least one redirect URI in the registration request is not acceptable.",
        causes: [
            "A redirect URI is relative, contains a fragment, or uses plain `http` for a non-loopback host.",
            "The URI does not match what the server's policy allows for this client type (for example a custom scheme for a web client).",
        ],
        remedy: "Register absolute redirect URIs without fragments that meet the server's rules (https for web clients; loopback or private-use schemes for native apps).",
        note: "",
    }
    InvalidClientMetadata {
        code: "invalid_client_metadata",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 7591", "§3.2.2", "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2"),
        usage: "registration endpoint",
        action: FixClientConfiguration,
        description: "A client metadata field in the registration request has an invalid value, so the server refused to register the client.",
        causes: [
            "A field has the wrong type or an unsupported value (for example a `token_endpoint_auth_method` the server does not offer).",
            "Fields contradict each other, such as `grant_types` and `response_types` that do not fit together.",
            "`jwks` and `jwks_uri` are both present, or the key set is invalid.",
        ],
        remedy: "Fix the field named in `error_description`, using only values the server advertises in its metadata.",
        note: "",
    }
    InvalidSoftwareStatement {
        code: "invalid_software_statement",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 7591", "§3.2.2", "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2"),
        usage: "registration endpoint",
        action: FixClientConfiguration,
        description: "The software statement in the registration request is invalid.",
        causes: [
            "The software statement JWT is malformed, expired, or its signature does not verify.",
            "Required claims such as `iss` or `software_id` are missing.",
        ],
        remedy: "Obtain a fresh, correctly signed software statement from its issuer and send it unmodified.",
        note: "",
    }
    UnapprovedSoftwareStatement {
        code: "unapproved_software_statement",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 7591", "§3.2.2", "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2"),
        usage: "registration endpoint",
        action: FixClientConfiguration,
        description: "The software statement is not approved for use with this authorization server.",
        causes: [
            "The statement was signed by an issuer this server does not trust.",
            "The software has not been approved or was withdrawn by the server's operator.",
        ],
        remedy: "Get the software approved by the server operator, or use a software statement from an issuer the server trusts.",
        note: "",
    }
    AuthorizationPending {
        code: "authorization_pending",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 8628", "§3.5", "https://www.rfc-editor.org/rfc/rfc8628#section-3.5"),
        usage: "token endpoint response",
        action: KeepPolling,
        description: "The user has not yet completed the device or backchannel authorization; the client should keep polling.",
        causes: [
            "The user has not yet entered the user code or approved the request on their device.",
        ],
        remedy: "Poll the token endpoint again after the `interval` (5 seconds by default), and stop when `expires_in` has passed.",
        note: "",
    }
    SlowDown {
        code: "slow_down",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 8628", "§3.5", "https://www.rfc-editor.org/rfc/rfc8628#section-3.5"),
        usage: "token endpoint response",
        action: SlowDown,
        description: "The authorization is still pending and the client is polling too often.",
        causes: [
            "The client polls more often than the `interval` from the device or backchannel authorization response.",
            "Several polling loops run for the same `device_code` or `auth_req_id`.",
        ],
        remedy: "Add 5 seconds to the polling interval and keep that longer interval for all later polls of this flow.",
        note: "",
    }
    ExpiredToken {
        code: "expired_token",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 8628", "§3.5", "https://www.rfc-editor.org/rfc/rfc8628#section-3.5"),
        usage: "token endpoint response",
        action: Reauthenticate,
        description: "The `device_code` (or CIBA `auth_req_id`) has expired and the authorization session is over.",
        causes: [
            "The user did not finish authorizing before `expires_in` ran out.",
            "The client kept polling with a code from an earlier, finished flow.",
        ],
        remedy: "Stop polling and, if the user still wants to sign in, start a new device or backchannel authorization request.",
        note: "",
    }
    InvalidTarget {
        code: "invalid_target",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 8707", "§2", "https://www.rfc-editor.org/rfc/rfc8707#section-2"),
        usage: "implicit grant error response, token error response",
        action: FixRequest,
        description: "The `resource` (or token-exchange `audience`) value is missing, malformed or unknown, or the server refuses to issue a token for it.",
        causes: [
            "The `resource` value is not an absolute URI, or contains a fragment.",
            "The resource server is unknown to the authorization server, or the client may not request tokens for it.",
            "The token request names a resource that was not part of the original authorization.",
        ],
        remedy: "Send an absolute `resource` URI, without fragment, that the server knows and the client is allowed to target, and keep it consistent between authorization and token requests.",
        note: "**Status choice.** 400 at the token endpoint (RFC 8707 §2.2, RFC 8693 §2.2.2) and redirected at the authorization endpoint. IANA registers it only for \"implicit grant error response, token error response\", while RFC 8707 §2 uses it for authorization requests in general, the authorization code flow included; this crate accepts it at the authorization endpoint for every response type.",
    }
    UnsupportedPopKey {
        code: "unsupported_pop_key",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 9200", "§5.8.3", "https://www.rfc-editor.org/rfc/rfc9200#section-5.8.3"),
        usage: "token error response",
        action: FixRequest,
        description: "The client sent a proof-of-possession key that the resource server cannot process (ACE framework).",
        causes: [
            "The asymmetric key in `req_cnf` uses a key type or curve the resource server does not support.",
        ],
        remedy: "Request the token again with a key type the resource server supports, as given in the resource server's or authorization server's ACE metadata.",
        note: "**Status choice.** RFC 9200 is built for CoAP: §5.8.3 requires a response code equivalent to CoAP 4.00 (Bad Request), which corresponds to HTTP 400.",
    }
    IncompatibleAceProfiles {
        code: "incompatible_ace_profiles",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 9200", "§5.8.3", "https://www.rfc-editor.org/rfc/rfc9200#section-5.8.3"),
        usage: "token error response",
        action: FixClientConfiguration,
        description: "The client and the resource server it wants a token for share no common ACE profile.",
        causes: [
            "The client supports only ACE profiles (for example DTLS or OSCORE) that the target resource server does not implement.",
        ],
        remedy: "Enable on the client an ACE profile the resource server supports, or request a token for a different resource server.",
        note: "**Status choice.** RFC 9200 is built for CoAP: §5.8.3 requires a response code equivalent to CoAP 4.00 (Bad Request), which corresponds to HTTP 400.",
    }
    InvalidAuthorizationDetails {
        code: "invalid_authorization_details",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("RFC 9396", "§5", "https://www.rfc-editor.org/rfc/rfc9396#section-5"),
        usage: "token endpoint, authorization endpoint",
        action: FixRequest,
        description: "The `authorization_details` parameter is invalid: an unknown type, unknown or missing fields, fields of the wrong type, or values the server does not accept.",
        causes: [
            "A `type` value the server does not support, or fields that type does not define.",
            "A required field is missing, or a field has the wrong JSON type or an invalid value.",
            "The token request asks for authorization details that the grant or the server's policy does not cover.",
        ],
        remedy: "Build `authorization_details` from the types the server lists in `authorization_details_types_supported` and their documented fields, and stay within what was granted.",
        note: "",
    }
    InvalidDpopProof {
        code: "invalid_dpop_proof",
        status: 400,
        at: { Resource: 401, Introspection: 401, Registration: 401, Api: 401 },
        registry: Iana,
        spec: ("RFC 9449", "§5", "https://www.rfc-editor.org/rfc/rfc9449#section-5"),
        usage: "token error response, resource access error response",
        action: FixRequest,
        description: "The DPoP proof JWT in the `DPoP` header is missing or invalid.",
        causes: [
            "The proof's signature, `typ` (`dpop+jwt`), `alg` or embedded `jwk` is wrong.",
            "`htm` or `htu` does not match the request's method and URL, or `iat` is outside the accepted window.",
            "The `jti` was already used, or at a resource the `ath` claim does not match the access token.",
        ],
        remedy: "Create a fresh proof for every request, signed with the DPoP key, with `htm` and `htu` taken from the exact request and, at resources, `ath` set to the hash of the access token.",
        note: "**Status choice.** 400 at the token endpoint and the other endpoints where DPoP proofs accompany token or authorization requests, as an RFC 6749 §5.2 error (RFC 9449 §5, §10.1 for pushed authorization requests). Where the proof accompanies a DPoP-bound access token — a protected resource, and the introspection, registration and API endpoints, which [accept access tokens](crate::Endpoint::accepts_access_tokens) — the DPoP authentication scheme applies instead: 401 with `WWW-Authenticate: DPoP error=\"invalid_dpop_proof\"` (RFC 9449 §7.1).",
        access_token_error: true,
    }
    UseDpopNonce {
        code: "use_dpop_nonce",
        status: 400,
        at: { Resource: 401, Introspection: 401, Registration: 401, Api: 401 },
        registry: Iana,
        spec: ("RFC 9449", "§8", "https://www.rfc-editor.org/rfc/rfc9449#section-8"),
        usage: "token error response, resource access error response",
        action: RetryWithNonce,
        description: "The server requires a server-provided nonce in the DPoP proof; the one to use is in the `DPoP-Nonce` response header.",
        causes: [
            "The proof had no `nonce` claim and the server requires one.",
            "The nonce in the proof is stale because the server rotated it.",
        ],
        remedy: "Take the value of the `DPoP-Nonce` response header, put it in the `nonce` claim of a new proof, and send the request again.",
        note: "**Status choice.** 400 with a `DPoP-Nonce` header at the authorization server (RFC 9449 §8), and 401 with `WWW-Authenticate: DPoP error=\"use_dpop_nonce\"` and a `DPoP-Nonce` header wherever the proof accompanies an access token: a protected resource (RFC 9449 §9) and the other endpoints that [accept access tokens](crate::Endpoint::accepts_access_tokens). **Always send the nonce:** build this error with [`ErrorResponse::use_dpop_nonce`](crate::ErrorResponse::use_dpop_nonce), which takes it. The bare code still renders (clients parse it too) but without the `DPoP-Nonce` header the client cannot act on it; with the `tracing` feature such a render is logged at WARN.",
        access_token_error: true,
    }
    InsufficientUserAuthentication {
        code: "insufficient_user_authentication",
        status: 401,
        at: {},
        registry: Iana,
        spec: ("RFC 9470", "§3", "https://www.rfc-editor.org/rfc/rfc9470#section-3"),
        usage: "resource access error response",
        action: StepUp,
        description: "The access token is valid, but the user's authentication behind it is not strong enough or not recent enough for this resource.",
        causes: [
            "The resource needs a stronger authentication level (`acr`) than the user performed, such as multi-factor authentication.",
            "The user's authentication is older than the resource's `max_age`.",
        ],
        remedy: "Start a new authorization request with the `acr_values` and/or `max_age` from the challenge, then retry with the new access token.",
        note: "**Status choice.** 401 with a Bearer (or DPoP) challenge carrying `acr_values` and/or `max_age`. RFC 9470 §3 shows the status in its examples rather than in normative text; 401 is used throughout, matching how RFC 6750 §3.1 treats other authentication failures.",
        access_token_error: true,
    }
    InvalidIssuer {
        code: "invalid_issuer",
        status: 404,
        at: { Authorization: 400, PushedAuthorization: 400 },
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The federation endpoint cannot serve the requested issuer.",
        causes: [
            "The request names an issuer entity that this endpoint does not act for.",
            "The issuer's Entity Identifier is misspelled or uses a different URL form (trailing slash, scheme).",
        ],
        remedy: "Send the request to the endpoint published by the issuer you mean, using its exact Entity Identifier.",
        note: "**Status choice.** 404 Not Found, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints such as fetch and resolve. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints. It is never redirected: §12.1.3 makes a failure to establish trust with the client an invalid redirection URI (no redirect), and otherwise the code answers federation endpoint requests, which have no redirect URI. At the authorization endpoint and at the pushed authorization request endpoint (RFC 9126 §2.3 uses the token endpoint's 400 format) this crate answers 400.",
        redirectable: false,
    }
    InvalidSubject {
        code: "invalid_subject",
        status: 404,
        at: { Authorization: 400, PushedAuthorization: 400 },
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The federation endpoint cannot serve the requested subject.",
        causes: [
            "A fetch request's `sub` is not an immediate subordinate of the entity that was asked.",
            "A resolve request's `sub` is unknown to the resolver or cannot be reached.",
        ],
        remedy: "Check the subject's Entity Identifier and ask the superior entity that actually issues statements about it.",
        note: "**Status choice.** 404 Not Found, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints such as fetch and resolve. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints. It is never redirected: §12.1.3 makes a failure to establish trust with the client an invalid redirection URI (no redirect), and otherwise the code answers federation endpoint requests, which have no redirect URI. At the authorization endpoint and at the pushed authorization request endpoint (RFC 9126 §2.3 uses the token endpoint's 400 format) this crate answers 400.",
        redirectable: false,
    }
    InvalidTrustAnchor {
        code: "invalid_trust_anchor",
        status: 404,
        at: { Authorization: 400, PushedAuthorization: 400 },
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The requested trust anchor cannot be found or cannot be used.",
        causes: [
            "The `trust_anchor` of a resolve request is not a trust anchor the resolver is configured with.",
            "The client's trust chain ends at a trust anchor the OpenID Provider does not trust.",
        ],
        remedy: "Use a trust anchor that both sides share; ask the federation operator which anchors the server accepts.",
        note: "**Status choice.** 404 Not Found, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints such as resolve. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints, and §12.1.3 says trust failures during automatic registration belong in pushed authorization request error responses, never on the client's redirect URI. At the authorization endpoint (where it is never redirected) and at the pushed authorization request endpoint (RFC 9126 §2.3) this crate answers 400.",
        redirectable: false,
    }
    InvalidTrustChain {
        code: "invalid_trust_chain",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixClientConfiguration,
        description: "No valid trust chain could be built or validated for the entity.",
        causes: [
            "A subordinate statement or entity configuration in the chain has expired or its signature does not verify.",
            "An `authority_hints` link is missing or points to an entity that does not vouch for the subject.",
        ],
        remedy: "Refresh the entity configuration and subordinate statements, and check that every `authority_hints` entry leads to the trust anchor.",
        note: "**Status choice.** 400, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints, and §12.1.3 says trust failures during automatic registration belong in pushed authorization request error responses, never on the client's redirect URI.",
        redirectable: false,
    }
    InvalidMetadata {
        code: "invalid_metadata",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixClientConfiguration,
        description: "The entity's metadata, or the metadata policies applied to it, are invalid or in conflict.",
        causes: [
            "After applying the federation's metadata policies, a required value is missing or not allowed.",
            "Two superiors' metadata policies contradict each other.",
        ],
        remedy: "Adjust the entity's published metadata so it satisfies every metadata policy in its trust chain, or ask the federation operator to resolve the conflicting policies.",
        note: "**Status choice.** 400, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints, and §12.1.3 says trust failures during automatic registration belong in pushed authorization request error responses, never on the client's redirect URI.",
        redirectable: false,
    }
    NotFound {
        code: "not_found",
        status: 404,
        at: { Authorization: 400, PushedAuthorization: 400 },
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The requested Entity Identifier cannot be found.",
        causes: [
            "The Entity Identifier is misspelled, or the entity is not registered with this superior or resolver.",
            "The entity has left the federation.",
        ],
        remedy: "Check the Entity Identifier and that the entity is still enrolled in the federation.",
        note: "**Status choice.** 404 Not Found, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints. It is never redirected: §12.1.3 makes a failure to establish trust with the client an invalid redirection URI (no redirect), and otherwise the code answers federation endpoint requests, which have no redirect URI. At the authorization endpoint and at the pushed authorization request endpoint (RFC 9126 §2.3 uses the token endpoint's 400 format) this crate answers 400.",
        redirectable: false,
    }
    UnsupportedParameter {
        code: "unsupported_parameter",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID Federation 1.0", "§8.9", "https://openid.net/specs/openid-federation-1_0.html#section-8.9"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The server does not support a parameter used in the request.",
        causes: [
            "An optional federation endpoint parameter (for example an entity type or trust mark filter) is sent to a server that does not implement it.",
        ],
        remedy: "Drop the unsupported parameter, or use a server that implements it.",
        note: "**Status choice.** 400, the status OpenID Federation 1.0 §8.9 assigns (SHOULD) at federation endpoints. IANA registers the code with usage location \"authorization endpoint\", but the specification's status table is written for federation endpoints. It is never redirected: at the authorization endpoint an unrecognised parameter is ignored (RFC 6749 §3.1), so the code can only come from a federation endpoint request or from establishing trust with the client, which §12.1.3 treats as an invalid redirection URI (no redirect).",
        redirectable: false,
    }
    VpFormatsNotSupported {
        code: "vp_formats_not_supported",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID4VP 1.0", "§8.5", "https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#error-response"),
        usage: "authorization endpoint, token endpoint",
        action: FixRequest,
        description: "The wallet supports none of the credential or presentation formats the verifier asked for.",
        causes: [
            "The verifier's request or metadata lists only formats (or algorithms) the wallet cannot produce.",
        ],
        remedy: "Offer more formats in the request or in the verifier's `vp_formats_supported` metadata, or suggest a wallet that supports the required format.",
        note: "**Status choice.** An authorization error response sent by the wallet (OpenID4VP 1.0 §8.5), delivered by redirect or `direct_post` rather than with a status of its own; 400, the RFC 6749 §5.2 default, is used when it is rendered as a direct JSON response (IANA also lists the token endpoint).",
    }
    InvalidRequestUriMethod {
        code: "invalid_request_uri_method",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID4VP 1.0", "§8.5", "https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#error-response"),
        usage: "authorization endpoint",
        action: FixRequest,
        description: "The `request_uri_method` parameter is neither `get` nor `post`.",
        causes: [
            "The value is misspelled or not lower case (the comparison is case-sensitive), for example `POST`.",
        ],
        remedy: "Send `request_uri_method=get` or `request_uri_method=post`, in lower case, or leave it out to use GET.",
        note: "**Status choice.** An authorization error response (OpenID4VP 1.0 §8.5), delivered by redirect or `direct_post` rather than with a status of its own; 400, the RFC 6749 §5.2 default, is used when it is rendered as a direct JSON response.",
    }
    WalletUnavailable {
        code: "wallet_unavailable",
        status: 400,
        at: {},
        registry: Iana,
        spec: ("OpenID4VP 1.0", "§8.5", "https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#error-response"),
        usage: "authorization endpoint, token endpoint",
        action: Stop,
        description: "The wallet could not be reached, so another component answered on its behalf.",
        causes: [
            "No wallet is installed for the invoked scheme or link, so a fallback page received the request.",
            "The wallet app could not be started on this device.",
        ],
        remedy: "Tell the user the wallet is unavailable and offer another way to continue, such as a cross-device flow with a QR code or a different wallet.",
        note: "**Status choice.** An authorization error response (OpenID4VP 1.0 §8.5), delivered by redirect or `direct_post` rather than with a status of its own; 400, the RFC 6749 §5.2 default, is used when it is rendered as a direct JSON response (IANA also lists the token endpoint).",
    }

    // ----------------------------------------------------------------------------------
    // Defined by published specifications, not (yet) in the IANA registry
    // ----------------------------------------------------------------------------------
    ExpiredLoginHintToken {
        code: "expired_login_hint_token",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§13", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.13"),
        usage: "backchannel authentication endpoint (authentication error response)",
        action: FixRequest,
        description: "The `login_hint_token` in the backchannel authentication request has expired.",
        causes: [
            "The hint token was issued too long before the request was sent, or was cached and reused.",
        ],
        remedy: "Obtain a fresh `login_hint_token` from its issuer and send a new backchannel authentication request.",
        note: "",
    }
    UnknownUserId {
        code: "unknown_user_id",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§13", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.13"),
        usage: "backchannel authentication endpoint (authentication error response)",
        action: FixRequest,
        description: "The OpenID Provider cannot tell which user to authenticate from the hint in the request.",
        causes: [
            "The `login_hint`, `login_hint_token` or `id_token_hint` does not match any user known to the provider.",
            "The hint uses a format (for example a phone number without country code) the provider does not resolve.",
        ],
        remedy: "Send a hint in a format the provider documents that identifies an existing user, such as a valid `id_token_hint` from an earlier login.",
        note: "",
    }
    MissingUserCode {
        code: "missing_user_code",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§13", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.13"),
        usage: "backchannel authentication endpoint (authentication error response)",
        action: FixRequest,
        description: "A user code is required for this request but none was sent.",
        causes: [
            "Both the provider (`backchannel_user_code_parameter_supported`) and the client registration (`backchannel_user_code_parameter`) enable user codes, and `user_code` was omitted.",
        ],
        remedy: "Ask the user for their user code and include it as `user_code` in the backchannel authentication request.",
        note: "",
    }
    InvalidUserCode {
        code: "invalid_user_code",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§13", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.13"),
        usage: "backchannel authentication endpoint (authentication error response)",
        action: FixRequest,
        description: "The `user_code` in the backchannel authentication request is wrong.",
        causes: [
            "The user mistyped their code, or it does not belong to the user identified by the hint.",
        ],
        remedy: "Ask the user to re-enter their user code and send a new request; limit the number of attempts.",
        note: "",
    }
    InvalidBindingMessage {
        code: "invalid_binding_message",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§13", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.13"),
        usage: "backchannel authentication endpoint (authentication error response)",
        action: FixRequest,
        description: "The provider rejects the `binding_message` sent with the request.",
        causes: [
            "The message is too long, contains characters the authentication device cannot display, or is otherwise rejected by the provider's policy.",
        ],
        remedy: "Send a short, plain binding message (a few words or digits) that the user's authentication device can show.",
        note: "",
    }
    TransactionFailed {
        code: "transaction_failed",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID CIBA Core 1.0", "§12", "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.12"),
        usage: "client notification endpoint (push error payload)",
        action: ContactProvider,
        description: "The OpenID Provider could not complete the backchannel authentication transaction, for a reason other than denial or expiry.",
        causes: [
            "An unexpected failure at the provider or on the user's authentication device during a push-mode CIBA flow.",
        ],
        remedy: "Treat the authentication request as over; start a new one if the user still wants to proceed, and contact the provider if it keeps failing.",
        note: "**Status choice.** `transaction_failed` is a CIBA push error payload code: the OpenID Provider POSTs it to the client notification endpoint (OpenID CIBA Core 1.0 §12), so it has no HTTP response status of its own. 400 is used only if it is rendered as a response.",
    }
    UnmetAuthenticationRequirements {
        code: "unmet_authentication_requirements",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID Connect Unmet Authentication Requirements 1.0", "§1", "https://openid.net/specs/openid-connect-unmet-authentication-requirements-1_0.html#section-1"),
        usage: "authorization endpoint",
        action: Stop,
        description: "The OpenID Provider could not authenticate the user in the way the relying party required.",
        causes: [
            "The request marks an `acr` value as essential (through the `claims` parameter) and the provider cannot perform that authentication level.",
            "The user could not complete the required authentication method, for example no second factor is enrolled.",
        ],
        remedy: "Tell the user the required level of authentication could not be met; retry only with requirements the provider supports (see `acr_values_supported`) or after the user has enrolled the needed method.",
        note: "**Status choice.** An authentication error response, normally redirected to the client (OpenID Connect Core 1.0 §3.1.2.6); 400, the RFC 6749 §5.2 default, is used only when it is rendered as a direct JSON response.",
    }
    InvalidTransactionData {
        code: "invalid_transaction_data",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VP 1.0", "§8.5", "https://openid.net/specs/openid-4-verifiable-presentations-1_0.html#error-response"),
        usage: "authorization endpoint (wallet authorization error response)",
        action: FixRequest,
        description: "An entry of the `transaction_data` request parameter is invalid or cannot be honoured by the wallet.",
        causes: [
            "An entry has an unknown transaction data type, unknown fields, fields of the wrong type, or missing required fields.",
            "Its `credential_ids` do not match the credentials requested, or the referenced credential is not available in the wallet.",
        ],
        remedy: "Build each `transaction_data` entry according to its type's definition and reference only credential query identifiers present in the same request.",
        note: "**Status choice.** An authorization error response sent by the wallet (OpenID4VP 1.0 §8.5; the code is defined in the specification but absent from the IANA registry), delivered by redirect or `direct_post` rather than with a status of its own; 400, the RFC 6749 §5.2 default, is used when it is rendered as a direct JSON response.",
    }
    InvalidCredentialRequest {
        code: "invalid_credential_request",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "The credential request is malformed: a required parameter is missing, a parameter or value is unsupported, or a parameter is repeated.",
        causes: [
            "Neither `credential_identifier` nor `credential_configuration_id` is present, or both are.",
            "The JSON body is malformed or contains parameters the credential issuer does not support.",
        ],
        remedy: "Build the credential request as the issuer's metadata describes: exactly one of `credential_identifier` or `credential_configuration_id`, plus the proofs and encryption parameters it requires.",
        note: "",
    }
    UnknownCredentialConfiguration {
        code: "unknown_credential_configuration",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "The requested credential configuration is unknown to the credential issuer.",
        causes: [
            "The `credential_configuration_id` is misspelled or is not listed in `credential_configurations_supported`.",
            "The wallet uses stale issuer metadata after the issuer changed its configurations.",
        ],
        remedy: "Reload the credential issuer metadata and request one of the configurations it currently lists.",
        note: "",
    }
    UnknownCredentialIdentifier {
        code: "unknown_credential_identifier",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "The requested credential identifier is unknown to the credential issuer.",
        causes: [
            "The `credential_identifier` was not among those returned in the token response's `authorization_details` for this access token.",
        ],
        remedy: "Use a `credential_identifier` returned with the access token being used, or request by `credential_configuration_id` if the issuer allows it.",
        note: "",
    }
    InvalidProof {
        code: "invalid_proof",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "The key proofs in the credential request are missing or invalid.",
        causes: [
            "The `proofs` parameter is missing although the configuration requires cryptographic key binding.",
            "A proof's signature, `typ`, `aud` or `iat` is wrong, or the key type or algorithm is not supported.",
            "A proof lacks the `c_nonce` the issuer requires.",
        ],
        remedy: "Create each key proof as the issuer's metadata requires (supported proof type and algorithm, `aud` set to the credential issuer, current `c_nonce`) and send it in `proofs`.",
        note: "",
    }
    InvalidNonce {
        code: "invalid_nonce",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "At least one key proof carries a `c_nonce` the credential issuer does not accept.",
        causes: [
            "The `c_nonce` has expired or was already used.",
            "The nonce was obtained from a different credential issuer's nonce endpoint.",
        ],
        remedy: "Fetch a fresh `c_nonce` from the issuer's nonce endpoint, rebuild the key proofs with it, and send the credential request again.",
        note: "",
    }
    InvalidEncryptionParameters {
        code: "invalid_encryption_parameters",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: FixRequest,
        description: "The credential response encryption parameters are invalid, or missing although the issuer requires an encrypted response.",
        causes: [
            "The issuer requires response encryption and the request has no encryption parameters.",
            "The encryption key, `alg` or `enc` value is not one the issuer supports.",
        ],
        remedy: "Send credential response encryption parameters with a key and algorithms listed in the issuer's `credential_response_encryption` metadata.",
        note: "",
    }
    CredentialRequestDenied {
        code: "credential_request_denied",
        status: 400,
        at: {},
        registry: Specification,
        spec: ("OpenID4VCI 1.0", "§8.3.1.2", "https://openid.net/specs/openid-4-verifiable-credential-issuance-1_0.html#credential-request-errors"),
        usage: "credential endpoint",
        action: Stop,
        description: "The credential issuer refused to issue the requested credential.",
        causes: [
            "The issuer's policy or data does not allow issuing this credential to this holder (for example the underlying record is unavailable).",
        ],
        remedy: "Treat the refusal as final for this request: do not retry automatically, and tell the user the credential could not be issued.",
        note: "",
    }

    // ----------------------------------------------------------------------------------
    // Product-level codes of deployed APIs (not defined by an OAuth specification)
    // ----------------------------------------------------------------------------------
    Duplicate {
        code: "duplicate",
        status: 400,
        at: {},
        registry: Product,
        spec: ("RFC 9110", "§15.5.1", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1"),
        usage: "API write operations (product-level code)",
        action: FixRequest,
        description: "The write would create a second object with a value that must be unique.",
        causes: [
            "An object of the same type already has this name, title or username.",
            "A create request was sent twice, for example after a timeout and a blind retry.",
        ],
        remedy: "Choose a different value for the field named in the error description, or update the existing object instead of creating a new one.",
        note: "**Status choice.** Not an OAuth code. 400, as the vendor API it comes from documents it; 409 Conflict (RFC 9110 §15.5.10) is the HTTP-semantic alternative, which an API can choose with a [`Contract`](crate::Contract) override.",
    }
    InvalidPermission {
        code: "invalid_permission",
        status: 403,
        at: {},
        registry: Product,
        spec: ("RFC 9110", "§15.5.4", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4"),
        usage: "API resources (product-level code)",
        action: Stop,
        description: "The caller is signed in but lacks the permission this action requires.",
        causes: [
            "The user's role or group membership does not grant this operation.",
            "The object belongs to another account or organisation.",
        ],
        remedy: "Ask an administrator to grant the user the needed permission, or perform the action as a user who has it.",
        note: "**Status choice.** Not an OAuth code: 403 Forbidden (RFC 9110 §15.5.4), as the vendor API documents it, because the caller is authenticated but not permitted. When the problem is a missing token scope rather than a user permission, `insufficient_scope` is the standard code.",
    }
    TooManyRequests {
        code: "too_many_requests",
        status: 429,
        at: {},
        registry: Product,
        spec: ("RFC 6585", "§4", "https://www.rfc-editor.org/rfc/rfc6585#section-4"),
        usage: "any endpoint (product-level code)",
        action: RetryLater,
        description: "The client sent too many requests in a given amount of time.",
        causes: [
            "The API's rate limit for the client, user, company or IP address was exceeded (for example an hourly quota).",
            "Many parallel workers share one set of credentials.",
        ],
        remedy: "Back off and retry after the `Retry-After` delay; reduce the request rate or spread requests over time.",
        note: "**Status choice.** Not an OAuth code: the 429 status and the optional `Retry-After` header come from RFC 6585 §4; RFC 9126 §2.3 explicitly allows 429 at the pushed authorization request endpoint.",
    }
    EndpointDisabled {
        code: "endpoint_disabled",
        status: 404,
        at: {},
        registry: Product,
        spec: ("RFC 9110", "§15.5.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"),
        usage: "authentication API endpoints (product-level code)",
        action: ContactProvider,
        description: "The endpoint exists in the product but is turned off for this tenant or client.",
        causes: [
            "The feature or grant behind the endpoint is disabled in the tenant's settings.",
            "The endpoint is deprecated and has been switched off.",
        ],
        remedy: "Enable the feature in the provider's settings if you administer it, or move to the endpoint the provider recommends instead.",
        note: "**Status choice.** Not an OAuth code: 404 Not Found (RFC 9110 §15.5.5), as the vendor API documents it, so a disabled endpoint looks the same as one that does not exist.",
    }
    MethodNotAllowed {
        code: "method_not_allowed",
        status: 405,
        at: {},
        registry: Product,
        spec: ("RFC 9110", "§15.5.6", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6"),
        usage: "any endpoint (product-level code)",
        action: FixRequest,
        description: "The endpoint does not support the HTTP method used.",
        causes: [
            "A GET was sent to an endpoint that only accepts POST, such as the token, revocation or pushed authorization request endpoint.",
        ],
        remedy: "Use the method listed in the response's `Allow` header or in the endpoint's documentation (POST for token-style endpoints).",
        note: "**Status choice.** Not an OAuth code: 405 Method Not Allowed (RFC 9110 §15.5.6), which must carry an `Allow` header listing the supported methods; RFC 9126 §2.3 names 405 for a pushed authorization request that is not a POST, and RFC 6750 §3.1 lists 405 among typical resource-server statuses. **Always give the methods:** build this error with [`ErrorResponse::method_not_allowed`](crate::ErrorResponse::method_not_allowed), which takes them. A 405 rendered without methods sends an empty `Allow`, which RFC 9110 §10.2.1 reads as \"the resource allows no methods\"; with the `tracing` feature such a render is logged at WARN.",
    }
}
