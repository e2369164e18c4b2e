/**
 * Types of the gatehouse API, generated from openapi/openapi.json by `npm run openapi`
 * (openapi-typescript). Do not edit: change the routes, then run `npm run openapi`.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of the API and its backends (MongoDB, Redis); 503 when any backend is unhealthy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every backend answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description A backend is unhealthy (same body, `status: unhealthy`) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every backend answers (503 otherwise) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description A backend is down */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's profile
         * @description Cached per user; answers 304 to a matching If-None-Match.
         *
         *     Requires a bearer token of a signed-in person (API keys are refused with 403).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The profile */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        /** @description `hit` when served from the per-user cache, else `miss` */
                        "X-Cache"?: "hit" | "miss";
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserProfile"];
                    };
                };
                /** @description Not modified (If-None-Match matched) */
                304: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the caller's profile (preferences are merged deeply)
         * @description Send the ETag of your last read in If-Match: if the profile changed since, the answer is 412 and nothing is written. Anyone may change their preferences; `role` and `api_quota` need the admin role, and no one can grant a role above their own. `api_quota`: within the plan (403 `above-plan`). Unknown fields are refused (422).
         *
         *     Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description ETag from a previous GET/PATCH; a stale one gets 412, a malformed one 400 */
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProfilePatch"];
                };
            };
            responses: {
                /** @description The updated profile */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserProfile"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Precondition Failed */
                412: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/profile/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the caller's profile (role from the account, quota from the defaults)
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ProfileCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserProfile"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/profile/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's API quota: limits and live usage in the current windows
         * @description API calls are counted per user (an API key: per key) per UTC hour (the `hourly` rate-limit policy), uploaded log lines per tenant per UTC day. Limits come from the profile (defaults from configuration when there is none). `rate_limits` lists every policy the caller is charged, the tenant-wide budget included.
         *
         *     Requires a bearer token or an API key. Charged to the client address, never to the user’s own rate limit.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits and usage */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quota"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/tenant/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users (profiles) of the caller's tenant, paginated, optionally by role
         * @description Requires a bearer token or an API key with role admin or above.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    /** @description At most 100 */
                    page_size?: number;
                    role?: components["schemas"]["Role"];
                    /** @description Superadmin only: list another tenant */
                    tenant_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of users */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantUsers"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a user to the caller's tenant (no role above the caller's own)
         * @description Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTenantUserRequest"];
                };
            };
            responses: {
                /** @description User created */
                201: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantUserCreated"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/admin/profile/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's profile (admin: own tenant; superadmin: any tenant)
         * @description Requires a bearer token or an API key with role admin or above.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The profile */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserProfile"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a user's profile; signs that user out everywhere and clears their cache
         * @description Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeletedProfile"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's role, quota or preferences (admin: own tenant; never above your own role)
         * @description Same body and If-Match rules as PATCH /api/v1/users/profile/. A new role or quota applies from the user’s next request.
         *
         *     Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                    /** @description ETag from a previous GET/PATCH; a stale one gets 412, a malformed one 400 */
                    "if-match"?: string;
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProfilePatch"];
                };
            };
            responses: {
                /** @description The updated profile */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Version of the profile; send it back in If-Match */
                        ETag?: string;
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserProfile"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Precondition Failed */
                412: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/admin/initialize-indexes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the database indexes (idempotent; serialized across instances by a lock)
         * @description Also runs at start-up on Node. On Workers, call it once after each deploy.
         *
         *     Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Indexes present */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IndexesInitialized"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's uploads (filters, pagination, sort)
         * @description Requires a bearer token or an API key.
         */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["UploadStatus"];
                    source?: string;
                    environment?: string;
                    service_name?: string;
                    user_id?: string;
                    format_type?: components["schemas"]["FormatType"];
                    /** @description Inclusive; ISO 8601 date-time or date */
                    created_after?: string;
                    /** @description Exclusive; ISO 8601 date-time or date */
                    created_before?: string;
                    page?: number;
                    page_size?: number;
                    /** @description A field, `-field` for descending (default -created_at) */
                    sort?: "created_at" | "updated_at" | "completed_at" | "file_size" | "log_count" | "processing_time" | "status" | "file_name" | "-created_at" | "-updated_at" | "-completed_at" | "-file_size" | "-log_count" | "-processing_time" | "-status" | "-file_name";
                    /** @description Direction for `sort` given without a sign */
                    order?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of uploads */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Strong validator of the body; send it back as If-None-Match */
                        ETag?: string;
                        /** @description `private, max-age=…` (`private, no-cache` on stale answers) */
                        "Cache-Control"?: string;
                        /** @description `hit`, `miss`, or `stale` (served from cache while the database is unreachable) */
                        "X-Cache"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadMetadataPage"];
                    };
                };
                /** @description Not modified (If-None-Match matched the ETag) */
                304: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register an upload
         * @description Any member of the tenant may register uploads. A known `log_count` counts against the tenant's logs_per_day quota (429 `quota-exceeded` when over). A taken `upload_id` is 409 and nothing is overwritten.
         *
         *     Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterUploadRequest"];
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadMetadata"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/metadata/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's newest uploads
         * @description Requires a bearer token or an API key.
         */
        get: {
            parameters: {
                query?: {
                    /** @description How many (default 10) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Strong validator of the body; send it back as If-None-Match */
                        ETag?: string;
                        /** @description `private, max-age=…` (`private, no-cache` on stale answers) */
                        "Cache-Control"?: string;
                        /** @description `hit`, `miss`, or `stale` (served from cache while the database is unreachable) */
                        "X-Cache"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadMetadataList"];
                    };
                };
                /** @description Not modified (If-None-Match matched the ETag) */
                304: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/metadata/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Upload statistics of the tenant over the last N days
         * @description Requires a bearer token or an API key. Weighted: costs 5 units of every rate-limit policy (RateLimit shows them spent).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Period in days (default 30) */
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Totals and per-status figures */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        /** @description Strong validator of the body; send it back as If-None-Match */
                        ETag?: string;
                        /** @description `private, max-age=…` (`private, no-cache` on stale answers) */
                        "Cache-Control"?: string;
                        /** @description `hit`, `miss`, or `stale` (served from cache while the database is unreachable) */
                        "X-Cache"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadStats"];
                    };
                };
                /** @description Not modified (If-None-Match matched the ETag) */
                304: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/metadata/task/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Uploads of a processing task
         * @description Requires a bearer token or an API key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Uploads of the task, newest first (at most 100) */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskUploads"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/metadata/{upload_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One upload
         * @description Requires a bearer token or an API key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The upload */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadMetadata"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an upload record
         * @description For the user who registered the upload, or an admin.
         *
         *     Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change an upload's status (pending → processing → success | failed; pending → failed)
         * @description For the user who registered the upload, or an admin. Any other transition is 409 `invalid-transition`.
         *
         *     Requires a bearer token or an API key. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    upload_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UploadStatusChange"];
                };
            };
            responses: {
                /** @description The updated upload */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadMetadata"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/logs/admin/initialize-metadata-indexes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the upload metadata indexes (idempotent)
         * @description Requires a bearer token or an API key with role admin or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The indexes the collection now has */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetadataIndexes"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization (tenant) and its first user, who becomes its admin
         * @description Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterRequest"];
                };
            };
            responses: {
                /** @description Tenant and admin user created */
                201: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registered"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: opens a session and returns an access token and a refresh token
         * @description Wrong e-mail and wrong password get the same 401 answer in similar time. A disabled account (with the right password) gets 403 `account-disabled`. Attempts are limited per account and IP and per IP (429 with Retry-After).
         *
         *     Retries: a new session (token answers are never kept). Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new token pair (the old refresh token stops working)
         * @description Refresh tokens are traded once: presented again within REFRESH_REUSE_GRACE_SECONDS, the same new pair; later, the session is revoked. The session of a disabled account ends: 403 `account-disabled`.
         *
         *     Retries: the reuse grace answers the same pair. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefreshRequest"];
                };
            };
            responses: {
                /** @description New token pair */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revokes this session and this access token immediately
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client address, never to the user’s own rate limit. Retries: harmless (then 401). Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller as the server sees them
         * @description Requires a bearer token or an API key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's live sessions, newest first (the current one is marked)
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Live sessions */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionList"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Revoke the caller's other sessions (scope=others) or all of them (scope=all)
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query: {
                    /** @description `others`: every session but the caller’s; `all`: every session including the caller’s */
                    scope: "others" | "all";
                };
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How many sessions were revoked */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevokedCount"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of the caller's sessions; its tokens are refused from their next request
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403). Charged to the client address, never to the user’s own rate limit. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    session_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password; every other session is revoked
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403). Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChangeRequest"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PasswordChanged"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/users/{user_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign a user of your tenant out everywhere (superadmin: any tenant)
         * @description Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How many sessions were revoked */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevokedCount"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/admin/users/{user_id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account: signed out everywhere at once, sign-in refused until enabled
         * @description Every session ends and every token is refused from its next request; sign-in answers 403 `account-disabled`. Disabling a disabled account signs it out again. The last enabled admin of a tenant cannot be disabled (409 `last-admin`). Admin: users of your tenant; superadmin: any tenant. Never an account whose role is above yours (403).
         *
         *     Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Disabled */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountDisabled"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/admin/users/{user_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled account: it may sign in again
         * @description Admin: users of your tenant; superadmin: any tenant. Never an account whose role is above yours (403).
         *
         *     Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Enabled */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountStatus"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an account: its credentials, sessions and profile (the tenant's uploads stay)
         * @description Sign-in is refused from then on and every token of the account at once. The last enabled admin of a tenant cannot be deleted (409 `last-admin`). Admin: users of your tenant; superadmin: any tenant. Never an account whose role is above yours (403).
         *
         *     Requires a bearer token or an API key with role admin or above. Idempotency-Key makes retries safe. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
                     * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                     */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeletedAccount"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict; or the Idempotency-Key is in use */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content; or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant’s API keys (never a key or its hash)
         * @description Tenant admins manage their tenant’s keys; a superadmin names another tenant with `tenant_id` (another tenant is 404).
         *
         *     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or above.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Superadmin: the tenant to act on (default: your own) */
                    tenant_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyList"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key (shown once; never a role above your own)
         * @description Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. It carries its own role and rate limit, and draws from the tenant budget. Tenant admins manage their tenant’s keys; a superadmin names another tenant with `tenant_id` (another tenant is 404).
         *
         *     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or above. Retries: a retry creates another key: answers carrying a key are never kept (delete a spare one). Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Superadmin: the tenant to act on (default: your own) */
                    tenant_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyCreate"];
                };
            };
            responses: {
                /** @description The key (only now) and its record */
                201: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiKey"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a key: a new key with the same id, role and limits; the old one works for `grace_seconds` more
         * @description The previous key is refused from the end of its grace period on, on every instance. Rotating again within a grace period ends the older key at once.
         *
         *     Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or above. Retries: a retry rotates again; the key of the first answer keeps the grace period (answers carrying a key are never kept). Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Superadmin: the tenant to act on (default: your own) */
                    tenant_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyRotate"];
                };
            };
            responses: {
                /** @description The new key (only now) and the record */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiKey"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete (revoke) a key: refused from its next request, on every instance
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or above. Retries: idempotent (then 404). Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Superadmin: the tenant to act on (default: your own) */
                    tenant_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a key’s own rate limit (applies from its next request, on every instance)
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403) with role admin or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Superadmin: the tenant to act on (default: your own) */
                    tenant_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiKeyPatch"];
                };
            };
            responses: {
                /** @description The updated record */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tenants/{tenant_id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant-wide budget: API calls per hour all users and keys of the tenant draw from
         * @description Admins: their own tenant; superadmin: any (another tenant is 404). It is the `tenant` rate-limit policy.
         *
         *     Requires a bearer token or an API key with role admin or above.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The budget */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantBudget"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Override a tenant’s budget (superadmin; applies from the next request, on every instance)
         * @description Requires a bearer token of a signed-in person (API keys are refused with 403) with role superadmin or above. Retries: idempotent. Still running at the deadline: 503 `write-pending`, completed in the background.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TenantBudgetUpdate"];
                };
            };
            responses: {
                /** @description The budget now */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantBudget"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Content Too Large */
                413: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unsupported Media Type */
                415: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify gatehouse access tokens (the current key and those still accepted during a rotation) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JWK Set */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jwks"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tenant as a time series: requests, denials, cache, latency (admin; superadmin: any tenant)
         * @description Counted by every instance into the shared store; an instance writes its batch every METRICS_FLUSH_SECONDS (or METRICS_FLUSH_REQUESTS requests), and the answering one writes its own first.
         *
         *     Requires a bearer token or an API key with role admin or above.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Period up to now, in hours (default 24; minutes: at most 48) */
                    hours?: number;
                    /** @description Bucket size; default: minute up to 6 hours, hour beyond. Minute buckets are kept 48 h, hour buckets 30 days. */
                    resolution?: "minute" | "hour";
                    /** @description Superadmin only: another tenant */
                    tenant_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The series */
                200: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantMetrics"];
                    };
                };
                /** @description Unauthorized */
                401: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Forbidden */
                403: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not Found */
                404: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Unprocessable Content */
                422: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too Many Requests */
                429: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["RateLimitProblem"];
                    };
                };
                /** @description Service Unavailable */
                503: {
                    headers: {
                        "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                        RateLimit: components["headers"]["RateLimit"];
                        "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                        "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                        "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                        "Retry-After": components["headers"]["Retry-After"];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "status": "healthy",
         *       "mode": "remote",
         *       "mongodb": {
         *         "status": "healthy",
         *         "latency_ms": 3.2
         *       },
         *       "redis": {
         *         "status": "healthy",
         *         "latency_ms": 1.1
         *       }
         *     }
         */
        Health: {
            /** @enum {string} */
            status: "healthy" | "unhealthy";
            /** @enum {string} */
            mode: "embedded" | "remote";
            mongodb: {
                /** @enum {string} */
                status: "healthy" | "unhealthy";
                latency_ms: number;
            };
            redis: {
                /** @enum {string} */
                status: "healthy" | "unhealthy";
                latency_ms: number;
            };
        };
        /**
         * @example {
         *       "_id": "507f1f77bcf86cd799439011",
         *       "user_id": "0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11",
         *       "tenant_id": "acme-corp",
         *       "organization": "Acme Corp",
         *       "role": "admin",
         *       "preferences": {
         *         "theme": "dark",
         *         "timezone": "UTC",
         *         "notifications": {
         *           "email": true,
         *           "browser": true
         *         }
         *       },
         *       "api_quota": {
         *         "logs_per_day": 100000,
         *         "api_calls_per_hour": 1000,
         *         "retention_days": 90
         *       },
         *       "created_at": "2025-11-24T10:00:00.000Z",
         *       "updated_at": "2025-11-24T10:00:00.000Z"
         *     }
         */
        UserProfile: {
            _id: string;
            user_id: string;
            tenant_id: string;
            organization: string;
            role: components["schemas"]["Role"];
            preferences: components["schemas"]["Preferences"];
            api_quota: components["schemas"]["ApiQuota"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @enum {string} */
        Role: "viewer" | "admin" | "superadmin";
        Preferences: {
            /**
             * @example dark
             * @enum {string}
             */
            theme: "light" | "dark" | "system";
            timezone: string;
            notifications: {
                email: boolean;
                browser: boolean;
            };
        };
        ApiQuota: {
            logs_per_day: number;
            api_calls_per_hour: number;
            retention_days: number;
        };
        Problem: {
            /** @example https://gatehouse.dev/problems/not-found */
            type: string;
            /** @example Not Found */
            title: string;
            /** @example 404 */
            status: number;
            detail?: string;
            instance?: string;
            request_id?: string;
        } & {
            [key: string]: unknown;
        };
        RateLimitProblem: {
            /** @example https://gatehouse.dev/problems/not-found */
            type: string;
            /** @example Not Found */
            title: string;
            /** @example 404 */
            status: number;
            detail?: string;
            instance?: string;
            request_id?: string;
            /**
             * @example [
             *       "burst"
             *     ]
             */
            "violated-policies": string[];
            policies: {
                name: string;
                limit: number;
                remaining: number;
                window_seconds: number;
                /** Format: date-time */
                reset_at: string;
            }[];
            /**
             * @description Seconds to wait (also in Retry-After)
             * @example 30
             */
            retry_after: number;
        } & {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "preferences": {
         *         "theme": "light"
         *       }
         *     }
         */
        ProfilePatch: {
            preferences?: {
                /**
                 * @example dark
                 * @enum {string}
                 */
                theme?: "light" | "dark" | "system";
                /**
                 * @description IANA time zone name, kept as sent
                 * @example Europe/Paris
                 */
                timezone?: string;
                notifications?: {
                    email?: boolean;
                    browser?: boolean;
                };
            };
            role?: components["schemas"]["Role"] & unknown;
            /** @description Admin operation, up to the member’s plan (set by a superadmin; else the defaults): 403 `above-plan` */
            api_quota?: {
                logs_per_day?: number;
                api_calls_per_hour?: number;
                retention_days?: number;
            };
        };
        /**
         * @example {
         *       "preferences": {
         *         "theme": "dark",
         *         "timezone": "Europe/Paris"
         *       }
         *     }
         */
        ProfileCreate: {
            /** @description Defaults to the tenant’s organisation */
            organization?: string;
            preferences?: {
                /**
                 * @example dark
                 * @enum {string}
                 */
                theme?: "light" | "dark" | "system";
                /**
                 * @description IANA time zone name, kept as sent
                 * @example Europe/Paris
                 */
                timezone?: string;
                notifications?: {
                    email?: boolean;
                    browser?: boolean;
                };
            };
        };
        /**
         * @example {
         *       "user_id": "0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11",
         *       "tenant_id": "acme-corp",
         *       "key_id": null,
         *       "api_quota": {
         *         "logs_per_day": 100000,
         *         "api_calls_per_hour": 1000,
         *         "retention_days": 90
         *       },
         *       "usage": {
         *         "api_calls_per_hour": {
         *           "limit": 1000,
         *           "used": 42,
         *           "remaining": 958,
         *           "window_seconds": 3600,
         *           "reset_at": "2025-11-24T11:00:00.000Z"
         *         },
         *         "logs_per_day": {
         *           "limit": 100000,
         *           "used": 1500,
         *           "remaining": 98500,
         *           "window_seconds": 86400,
         *           "reset_at": "2025-11-25T00:00:00.000Z"
         *         }
         *       },
         *       "rate_limits": [
         *         {
         *           "name": "tenant",
         *           "limit": 100000,
         *           "used": 5120,
         *           "remaining": 94880,
         *           "window_seconds": 3600,
         *           "reset_at": "2025-11-24T11:00:00.000Z"
         *         }
         *       ]
         *     }
         */
        Quota: {
            /** @description For an API key: `key:<key_id>` */
            user_id: string;
            tenant_id: string;
            /** @description The API key’s id when the caller is an API key */
            key_id: string | null;
            api_quota: components["schemas"]["ApiQuota"];
            usage: {
                api_calls_per_hour: components["schemas"]["QuotaUsage"];
                logs_per_day: components["schemas"]["QuotaUsage"];
            };
            /** @description Every rate-limit policy the caller is charged: burst (a key: its own `key` policy), hourly, the tenant-wide `tenant` budget */
            rate_limits: components["schemas"]["RateLimitUsage"][];
        };
        QuotaUsage: {
            limit: number;
            used: number;
            remaining: number;
            window_seconds: number;
            /**
             * Format: date-time
             * @description When the current window ends
             */
            reset_at: string;
        };
        RateLimitUsage: {
            /** @example hourly */
            name: string;
            limit: number;
            used: number;
            remaining: number;
            window_seconds: number;
            /** Format: date-time */
            reset_at: string;
        };
        TenantUsers: {
            users: components["schemas"]["UserProfile"][];
            page: number;
            page_size: number;
            /** @description Users on this page */
            count: number;
            /** @description Users matching the filter */
            total: number;
        };
        DeletedProfile: {
            user_id: string;
            tenant_id: string;
            /** @enum {boolean} */
            deleted: true;
            sessions_revoked: number;
        };
        /**
         * @example {
         *       "status": "ok",
         *       "indexes": {
         *         "user_profiles": [
         *           "_id_",
         *           "user_id_1",
         *           "tenant_id_1",
         *           "tenant_id_1_role_1",
         *           "created_at_1"
         *         ]
         *       }
         *     }
         */
        IndexesInitialized: {
            /** @enum {string} */
            status: "ok";
            /** @description Index names per collection after the run */
            indexes: {
                [key: string]: string[];
            };
        };
        /**
         * @example {
         *       "_id": "507f1f77bcf86cd799439011",
         *       "upload_id": "upload_20251124_123456_9f86d081",
         *       "task_id": "abc123-def456",
         *       "tenant_id": "acme-corp",
         *       "user_id": "u_1",
         *       "source": "api-service",
         *       "environment": "production",
         *       "service_name": null,
         *       "file_name": "app.log",
         *       "file_size": 1048576,
         *       "format_type": "json",
         *       "log_count": 1500,
         *       "status": "success",
         *       "processing_time": 2.5,
         *       "errors": [],
         *       "created_at": "2025-11-24T10:00:00.000Z",
         *       "updated_at": "2025-11-24T10:00:03.000Z",
         *       "completed_at": "2025-11-24T10:00:03.000Z"
         *     }
         */
        UploadMetadata: {
            _id: string;
            upload_id: string;
            task_id: string | null;
            tenant_id: string;
            user_id: string;
            source: string;
            environment: string;
            service_name: string | null;
            file_name: string;
            file_size: number;
            format_type: components["schemas"]["FormatType"];
            log_count: number;
            status: components["schemas"]["UploadStatus"];
            processing_time: number | null;
            errors: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            completed_at: string | null;
        };
        /** @enum {string} */
        FormatType: "json" | "ndjson" | "text" | "csv" | "syslog" | "logfmt" | "xml";
        /** @enum {string} */
        UploadStatus: "pending" | "processing" | "success" | "failed";
        RegisterUploadRequest: {
            /**
             * @description Generated (upload_YYYYMMDD_HHMMSS_xxxxxxxx) when absent
             * @example upload_20251124_123456_9f86d081
             */
            upload_id?: string;
            /** @example abc123-def456 */
            task_id?: string | null;
            /** @example api-service */
            source: string;
            /** @example production */
            environment: string;
            /** @example checkout */
            service_name?: string | null;
            /** @example app.log */
            file_name: string;
            /**
             * @description Bytes
             * @example 1048576
             */
            file_size: number;
            format_type: components["schemas"]["FormatType"];
            /**
             * @description When known, counted against the tenant's logs_per_day quota (429 when over)
             * @example 1500
             */
            log_count?: number;
        };
        UploadMetadataPage: {
            metadata: components["schemas"]["UploadMetadata"][];
            page: number;
            page_size: number;
            /** @description Items on this page */
            count: number;
            /** @description Items matching the filters */
            total: number;
        };
        UploadMetadataList: {
            metadata: components["schemas"]["UploadMetadata"][];
            count: number;
        };
        /**
         * @example {
         *       "period_days": 30,
         *       "total_uploads": 150,
         *       "total_logs": 450000,
         *       "total_size_bytes": 536870912,
         *       "by_status": {
         *         "success": {
         *           "count": 145,
         *           "total_logs": 435000,
         *           "total_size_bytes": 520093696,
         *           "avg_processing_time": 2.3
         *         }
         *       }
         *     }
         */
        UploadStats: {
            period_days: number;
            total_uploads: number;
            total_logs: number;
            total_size_bytes: number;
            by_status: {
                pending?: {
                    count: number;
                    total_logs: number;
                    total_size_bytes: number;
                    /** @description Seconds; null when no upload of this status has one */
                    avg_processing_time: number | null;
                };
                processing?: {
                    count: number;
                    total_logs: number;
                    total_size_bytes: number;
                    /** @description Seconds; null when no upload of this status has one */
                    avg_processing_time: number | null;
                };
                success?: {
                    count: number;
                    total_logs: number;
                    total_size_bytes: number;
                    /** @description Seconds; null when no upload of this status has one */
                    avg_processing_time: number | null;
                };
                failed?: {
                    count: number;
                    total_logs: number;
                    total_size_bytes: number;
                    /** @description Seconds; null when no upload of this status has one */
                    avg_processing_time: number | null;
                };
            };
        };
        TaskUploads: {
            task_id: string;
            metadata: components["schemas"]["UploadMetadata"][];
            count: number;
        };
        UploadStatusChange: {
            status: components["schemas"]["UploadStatus"] & unknown;
            log_count?: number;
            /**
             * @description Seconds
             * @example 2.5
             */
            processing_time?: number;
            errors?: string[];
        };
        /**
         * @example {
         *       "collection": "log_metadata",
         *       "indexes": [
         *         "_id_",
         *         "tenant_id_1_upload_id_1",
         *         "task_id_1"
         *       ]
         *     }
         */
        MetadataIndexes: {
            collection: string;
            indexes: string[];
        };
        /**
         * @example {
         *       "user_id": "u_4f3c…",
         *       "tenant_id": "acme-corp-7k2p",
         *       "role": "admin"
         *     }
         */
        Registered: {
            user_id: string;
            tenant_id: string;
            role: components["schemas"]["Role"];
        };
        RegisterRequest: {
            /**
             * Format: email
             * @example ada@acme.example
             */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            /** @example Acme Corp */
            organization: string;
        };
        TokenPair: {
            access_token: string;
            /** @description Opaque, single use: every refresh returns a new one */
            refresh_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /** @description Access token lifetime in seconds */
            expires_in: number;
            /** @description Handle of the server-side session (as in GET /api/v1/auth/sessions) */
            session_id: string;
        };
        LoginRequest: {
            /**
             * Format: email
             * @example ada@acme.example
             */
            email: string;
            password: string;
            /**
             * @description A label for this device/session; defaults to one derived from the User-Agent
             * @example Ada’s laptop
             */
            device?: string;
        };
        RefreshRequest: {
            refresh_token: string;
            /**
             * @description A label for this device/session; defaults to one derived from the User-Agent
             * @example Ada’s laptop
             */
            device?: string;
        };
        Me: {
            user_id: string;
            tenant_id: string;
            role: components["schemas"]["Role"];
            email: string | null;
            session_id: string | null;
            /** @enum {string} */
            issuer: "local" | "external" | "api_key";
            /** @description The API key’s id when the caller is an API key */
            key_id: string | null;
            /**
             * Format: date-time
             * @description Null for an API key that never expires
             */
            token_expires_at: string | null;
        };
        SessionList: {
            sessions: components["schemas"]["Session"][];
        };
        Session: {
            session_id: string;
            device: string | null;
            ip: string | null;
            user_agent: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_active_at: string;
            /** Format: date-time */
            expires_at: string;
            current: boolean;
        };
        RevokedCount: {
            revoked: number;
        };
        PasswordChanged: {
            /** @enum {string} */
            status: "password_changed";
            revoked_sessions: number;
        };
        PasswordChangeRequest: {
            current_password: string;
            /** @example correct horse battery staple */
            new_password: string;
        };
        TenantUserCreated: {
            user_id: string;
            tenant_id: string;
            email: string;
            role: components["schemas"]["Role"];
        };
        CreateTenantUserRequest: {
            /**
             * Format: email
             * @example ada@acme.example
             */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            role?: components["schemas"]["Role"];
        };
        /**
         * @example {
         *       "user_id": "0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11",
         *       "tenant_id": "acme-corp-1a2b3c",
         *       "email": "ada@example.com",
         *       "role": "viewer",
         *       "disabled": true,
         *       "disabled_at": "2026-12-01T10:00:00.000Z",
         *       "sessions_revoked": 2
         *     }
         */
        AccountDisabled: components["schemas"]["AccountStatus"] & {
            /** @description Live sessions ended by this call */
            sessions_revoked: number;
        };
        /**
         * @example {
         *       "user_id": "0b7e6d1c-2f1a-4a53-9a43-1f0c2b7d9e11",
         *       "tenant_id": "acme-corp-1a2b3c",
         *       "email": "ada@example.com",
         *       "role": "viewer",
         *       "disabled": false,
         *       "disabled_at": null
         *     }
         */
        AccountStatus: {
            user_id: string;
            tenant_id: string;
            email: string;
            /** @enum {string} */
            role: "viewer" | "admin" | "superadmin";
            /** @description A disabled account cannot sign in (403 `account-disabled`) nor refresh */
            disabled: boolean;
            /** Format: date-time */
            disabled_at: string | null;
        };
        DeletedAccount: {
            user_id: string;
            tenant_id: string;
            /** @enum {boolean} */
            deleted: true;
            sessions_revoked: number;
            /** @description False when the user had no profile */
            profile_deleted: boolean;
        };
        IssuedApiKey: {
            /** @description The key itself — shown this once, stored only as a hash. Send it as `X-API-Key`. */
            api_key: string;
            key: components["schemas"]["ApiKey"];
        };
        ApiKey: {
            id: string;
            tenant_id: string;
            name: string;
            /** @description How every key with this id begins (to tell keys apart; not a secret) */
            prefix: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            created_at: string;
            /** @description The user who created it */
            created_by: string;
            /**
             * Format: date-time
             * @description Last admitted request (updated in the background, to about a minute)
             */
            last_used_at: string | null;
            /**
             * Format: date-time
             * @description When it stops working; null: never
             */
            expires_at: string | null;
            rate_limit: components["schemas"]["ApiKeyRateLimit"];
            /**
             * Format: date-time
             * @description Last rotation
             */
            rotated_at: string | null;
            /**
             * Format: date-time
             * @description While a rotation’s grace period runs: when the previous key stops working
             */
            previous_key_expires_at: string | null;
        };
        /** @description Its own rate limit; null: the default */
        ApiKeyRateLimit: {
            /** @example 100 */
            limit: number;
            /** @example 60 */
            window_seconds: number;
        } | null;
        /**
         * @example {
         *       "name": "nightly export job",
         *       "role": "viewer",
         *       "rate_limit": {
         *         "limit": 100,
         *         "window_seconds": 60
         *       }
         *     }
         */
        ApiKeyCreate: {
            /** @example nightly export job */
            name: string;
            role: components["schemas"]["Role"] & unknown;
            /**
             * Format: date-time
             * @description When the key stops working (must be in the future); default never
             */
            expires_at?: string;
            rate_limit?: components["schemas"]["ApiKeyRateLimit"] & unknown;
        };
        ApiKeyList: {
            /** @description Oldest first; at most 100 */
            keys: components["schemas"]["ApiKey"][];
        };
        ApiKeyRotate: {
            /**
             * @description How long the old key keeps working (0: it stops at once)
             * @example 3600
             */
            grace_seconds: number;
        };
        /**
         * @example {
         *       "rate_limit": {
         *         "limit": 500,
         *         "window_seconds": 60
         *       }
         *     }
         */
        ApiKeyPatch: {
            rate_limit: components["schemas"]["ApiKeyRateLimit"] & unknown;
        };
        TenantBudget: {
            tenant_id: string;
            /** @description What the gate applies (the `tenant` rate-limit policy) */
            api_calls_per_hour: number;
            /** @description TENANT_API_CALLS_PER_HOUR */
            default_api_calls_per_hour: number;
            overridden: boolean;
        };
        /**
         * @example {
         *       "api_calls_per_hour": 50000
         *     }
         */
        TenantBudgetUpdate: {
            /** @description API calls per hour for the whole tenant; null: back to TENANT_API_CALLS_PER_HOUR */
            api_calls_per_hour: number | null;
        };
        /**
         * @example {
         *       "keys": [
         *         {
         *           "kty": "OKP",
         *           "crv": "Ed25519",
         *           "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
         *           "kid": "Dz7…",
         *           "alg": "EdDSA",
         *           "use": "sig"
         *         }
         *       ]
         *     }
         */
        Jwks: {
            keys: components["schemas"]["Jwk"][];
        };
        Jwk: {
            kty: string;
            kid: string;
            alg: string;
            /** @enum {string} */
            use: "sig";
            crv?: string;
            x?: string;
            y?: string;
        };
        TenantMetrics: {
            tenant_id: string;
            /** @enum {string} */
            resolution: "minute" | "hour";
            bucket_seconds: number;
            /**
             * Format: date-time
             * @description Start of the first bucket
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the last (current) bucket
             */
            to: string;
            /** @description Every bucket of the period, oldest first (empty ones as zeros). Sign-ins are anonymous requests: they count in the overall series (/metrics) only. */
            points: {
                /**
                 * Format: date-time
                 * @description Start of the bucket
                 */
                t: string;
                requests: number;
                /** @description Requests by status class ("2xx", "4xx", ...) */
                status: {
                    [key: string]: number;
                };
                /** @description Requests refused by a rate limit or quota (429) */
                denied: number;
                /** @description Violated policies of those refusals (one request may violate several) */
                denied_by_policy: {
                    [key: string]: number;
                };
                /** @description Answers of the cached routes (X-Cache) */
                cache: {
                    hit: number;
                    miss: number;
                    stale: number;
                };
                /** @description hit / (hit + miss + stale); null without cached answers */
                cache_hit_rate: number | null;
                /** @description Estimated from a fixed-bucket histogram (linear within a bucket); null without requests */
                latency_ms: {
                    p50: number | null;
                    p95: number | null;
                };
                /** @description Requests answered 503: a backend refused or was unreachable */
                backend_errors: number;
                /** @description Requests answered 503: a backend did not answer in time */
                backend_timeouts: number;
                /** @description Sessions ended by logout or revocation */
                sessions_revoked: number;
            }[];
            totals: components["schemas"]["MetricsStats"];
            routes: {
                method: string;
                /** @description The route pattern */
                route: string;
                requests: number;
                status: {
                    [key: string]: number;
                };
            }[];
        };
        MetricsStats: {
            requests: number;
            /** @description Requests by status class ("2xx", "4xx", ...) */
            status: {
                [key: string]: number;
            };
            /** @description Requests refused by a rate limit or quota (429) */
            denied: number;
            /** @description Violated policies of those refusals (one request may violate several) */
            denied_by_policy: {
                [key: string]: number;
            };
            /** @description Answers of the cached routes (X-Cache) */
            cache: {
                hit: number;
                miss: number;
                stale: number;
            };
            /** @description hit / (hit + miss + stale); null without cached answers */
            cache_hit_rate: number | null;
            /** @description Estimated from a fixed-bucket histogram (linear within a bucket); null without requests */
            latency_ms: {
                p50: number | null;
                p95: number | null;
            };
            /** @description Requests answered 503: a backend refused or was unreachable */
            backend_errors: number;
            /** @description Requests answered 503: a backend did not answer in time */
            backend_timeouts: number;
            /** @description Sessions ended by logout or revocation */
            sessions_revoked: number;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and request replays the first answer (kept 24 h; not 429/5xx).
         * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The quota policies that govern this request (draft-ietf-httpapi-ratelimit-headers): q = quota, w = window in seconds.
         * @example "burst";q=100;w=3600, "hourly";q=1000;w=3600
         */
        "RateLimit-Policy": string;
        /**
         * @description What is left of each checked policy: r = remaining quota, t = seconds until it resets. Absent when the limiter is unavailable.
         * @example "burst";r=57;t=1800, "hourly";r=998;t=1800
         */
        RateLimit: string;
        /**
         * @description Quota of the most restrictive policy.
         * @example 100
         */
        "X-RateLimit-Limit": number;
        /**
         * @description Requests left under the most restrictive policy.
         * @example 57
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description When the most restrictive policy resets, Unix time in seconds.
         * @example 1764000000
         */
        "X-RateLimit-Reset": number;
        /**
         * @description Seconds to wait before retrying.
         * @example 30
         */
        "Retry-After": number;
        /** @description A replayed answer. */
        "Idempotent-Replayed": "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
