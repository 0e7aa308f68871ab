package dev.storeauth.demo.data;

import dev.storeauth.policy.internal.StoreHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store the demo serves.
 *
 * @param storeHash its hash
 * @param generatedPasswords e-mail to password of the users given generated passwords on this
 *     start (on the first, and again on a later one while the last were never shown): to print
 *     once; empty otherwise
 */
public record SeededStore(String storeHash, Map<String, String> generatedPasswords) {

    public SeededStore {
        StoreHash.require(storeHash);
        generatedPasswords = Collections.unmodifiableMap(new LinkedHashMap<>(generatedPasswords));
    }

    @Override
    public String toString() {
        return "SeededStore[storeHash=" + storeHash + ", generatedPasswords=" + generatedPasswords.keySet() + "=***]";
    }
}
