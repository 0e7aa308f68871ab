package dev.storeauth.leak;

import dev.storeauth.lifecycle.Revocation;
import java.util.Objects;

/**
 * What became of one {@link LeakedToken}: {@link Revoked}, {@link NotLive}, or {@link Unrevoked} when it
 * is live but the revocation could not be written. Each carries the stable name of the token's kind and
 * the label GitHub's false-positive feedback takes.
 *
 * <pre>{@code
 * if (verdict instanceof LeakVerdict.Revoked revoked) {
 *     log.warn("revoked a leaked {}: {}", revoked.tokenType(), revoked.revocation().wireName());
 * }
 * }</pre>
 */
public sealed interface LeakVerdict {

    /** GitHub's label for a real credential. */
    String TRUE_POSITIVE = "true_positive";
    /** GitHub's label for anything else. */
    String FALSE_POSITIVE = "false_positive";

    /** The reported value. */
    LeakedToken token();

    /**
     * Our name for the value's kind, from its prefix, e.g. {@code storeauth_oauth_access_token};
     * {@value LeakReports#UNKNOWN_TYPE} for a value of no kind of ours. Never the report's {@code type}.
     */
    String tokenType();

    /** {@link #TRUE_POSITIVE} for a live credential, else {@link #FALSE_POSITIVE}. */
    String label();

    /**
     * It was a live credential and is now revoked.
     *
     * @param revocation what was done
     */
    record Revoked(LeakedToken token, String tokenType, Revocation revocation) implements LeakVerdict {
        public Revoked {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(tokenType, "tokenType");
            Objects.requireNonNull(revocation, "revocation");
        }

        @Override
        public String label() {
            return TRUE_POSITIVE;
        }
    }

    /** It is no live credential of ours (of our shape but unknown, expired or revoked, or not ours at all); nothing was done. */
    record NotLive(LeakedToken token, String tokenType) implements LeakVerdict {
        public NotLive {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(tokenType, "tokenType");
        }

        @Override
        public String label() {
            return FALSE_POSITIVE;
        }
    }

    /**
     * It is a live credential but was not revoked: its account kept changing while the revocation was
     * tried, or the audit trail could not hold the report. Report it again.
     *
     * @param detail why, safe to log: never the token
     */
    record Unrevoked(LeakedToken token, String tokenType, String detail) implements LeakVerdict {
        public Unrevoked {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(tokenType, "tokenType");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String label() {
            return TRUE_POSITIVE;
        }
    }
}
