package dev.storeauth.lifecycle;

import java.util.function.Supplier;

/**
 * A repository write whose {@link IllegalArgumentException} (a value the store cannot hold, see
 * {@link dev.storeauth.repository.AccountRepository}) is a user error, not a fault: nothing was written.
 */
final class RepositoryRefusal {

    private RepositoryRefusal() {
    }

    /** The result of {@code write}, or {@link Outcome.Refusal#INVALID} with no field if the store refused a value. */
    static <T> Outcome<T> write(Supplier<T> write) {
        T result;
        try {
            result = write.get();
        } catch (IllegalArgumentException e) {
            return Outcome.invalid("", e.getMessage());
        }
        return Outcome.done(result);
    }
}
