package dev.storeauth.lifecycle;

/** Why a lifecycle call was refused; each is a user error, never a server fault. */
public enum Refusal {
    /** The caller does not own the store (HTTP 403). */
    NOT_OWNER,
    /** A field of the input is invalid (HTTP 400); {@link Outcome.Refused#field()} names it. */
    INVALID,
    /** The store already has the maximum number of OAuth accounts (HTTP 409). */
    LIMIT_REACHED,
    /** The legacy username is already taken in the store (HTTP 409). */
    DUPLICATE,
    /** No such account in the store (HTTP 404). */
    NOT_FOUND
}
