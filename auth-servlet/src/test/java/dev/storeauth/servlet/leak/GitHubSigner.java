package dev.storeauth.servlet.leak;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A locally made P-256 key pair that signs reports as GitHub does, and its entry in GitHub's key-file format. */
final class GitHubSigner {

    final String identifier;
    private final KeyPair pair;

    GitHubSigner(String identifier) throws GeneralSecurityException {
        this.identifier = identifier;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.pair = generator.generateKeyPair();
    }

    /** The base64 DER ECDSA-SHA256 signature of {@code body}, as in {@code Github-Public-Key-Signature}. */
    String sign(byte[] body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    String sign(String body) throws GeneralSecurityException {
        return sign(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The public key as a PEM block. */
    String pem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A key file in GitHub's format listing {@code signers}, the first current. */
    static String keyFile(GitHubSigner... signers) {
        StringBuilder json = new StringBuilder("{\"public_keys\":[");
        for (int i = 0; i < signers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"key_identifier\":\"").append(signers[i].identifier)
                    .append("\",\"key\":\"").append(signers[i].pem().replace("\n", "\\n"))
                    .append("\",\"is_current\":").append(i == 0).append('}');
        }
        return json.append("]}").toString();
    }
}
