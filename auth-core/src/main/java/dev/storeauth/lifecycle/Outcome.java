package dev.storeauth.lifecycle;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of a lifecycle call: {@link Done} with a value, or {@link Refused} for a user error.
 * Faults of the repository are not outcomes: they are thrown as
 * {@link dev.storeauth.repository.RepositoryUnavailableException}.
 *
 * <pre>{@code
 * if (lifecycle.deleteOAuthAccount(user, store, id) instanceof Outcome.Refused<?> refused) {
 *     respond(refused.reason(), refused.detail());
 * }
 * }</pre>
 *
 * @param <T> the value on success
 */
public sealed interface Outcome<T> {

    /**
     * Success.
     *
     * @param value never {@code null}
     */
    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A refusal; nothing was changed.
     *
     * @param reason why
     * @param field the input field at fault for {@link Refusal#INVALID}, otherwise empty; also empty
     *     when the repository refused a value it cannot hold (e.g. longer than its column)
     * @param detail a client-safe explanation; never contains a secret
     */
    record Refused<T>(Refusal reason, String field, String detail) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A success. */
    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    /** A refusal not about one field. */
    static <T> Outcome<T> refused(Refusal reason, String detail) {
        return new Refused<>(reason, "", detail);
    }

    /** An {@link Refusal#INVALID} refusal naming {@code field}. */
    static <T> Outcome<T> invalid(String field, String detail) {
        return new Refused<>(Refusal.INVALID, field, detail);
    }

    /** This outcome with its value mapped, or the same refusal. */
    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        return flatMap(value -> done(mapper.apply(value)));
    }

    /** The outcome of {@code next} applied to the value, or the same refusal (and {@code next} is not called). */
    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> next) {
        if (this instanceof Done<T> done) {
            return next.apply(done.value());
        }
        Refused<T> refused = (Refused<T>) this;
        return new Refused<>(refused.reason(), refused.field(), refused.detail());
    }

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
        NOT_FOUND,
        /** The account kept changing while this change was made; nothing was written (HTTP 409). */
        CONFLICT
    }
}
