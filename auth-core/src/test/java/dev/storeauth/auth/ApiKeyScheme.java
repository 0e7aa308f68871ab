package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.LookupKey;
import java.util.List;
import java.util.Optional;

/**
 * A toy third scheme, written only against the public SPI: an API key in {@code X-Api-Key} proves an
 * {@link ApiKeyAccount}, found by the key's digest.
 */
final class ApiKeyScheme implements CredentialScheme<String> {

    private static final Description DESCRIPTION = new Description("apikey", List.of(), List.of("X-Api-Key"),
            "an API key in X-Api-Key", "API key accounts", false);

    private final SecretDigester digester = SecretDigester.sha256();

    @Override
    public Description description() {
        return DESCRIPTION;
    }

    @Override
    public Parsed<String> parse(String text, int from) {
        String key = text.substring(from).strip();
        return key.matches("ak_[A-Za-z0-9]{8,64}") ? new Parsed.Credentials<>(key)
                : new Parsed.Malformed<>("an API key looks like ak_ and 8-64 letters or digits");
    }

    @Override
    public Verdict verify(String key, String storeHash, CredentialScheme.AccountFinder accounts) {
        Optional<Account> found = accounts.find(new LookupKey.ByTokenDigest(digester.digest(key)));
        return found.filter(ApiKeyAccount.class::isInstance).filter(a -> a.storeHash().equals(storeHash))
                .<Verdict>map(Verdict.Proven::new).orElse(new Verdict.Invalid());
    }

    @Override
    public String challenge(String realm, Optional<String> error) {
        return "ApiKey realm=\"" + realm + "\"";
    }
}
