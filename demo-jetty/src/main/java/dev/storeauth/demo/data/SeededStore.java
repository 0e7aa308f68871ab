package dev.storeauth.demo.data;

import dev.storeauth.policy.StoreHash;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store the demo serves.
 *
 * @param storeHash its hash
 * @param generatedPasswords e-mail to password of the users created just now with generated
 *     passwords: to print once; empty on every later start
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
