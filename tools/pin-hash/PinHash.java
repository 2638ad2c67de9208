import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Prints the salt and PBKDF2 hash of a PIN in the form the ledger's bank_card table stores, for
 * seeding demo or test data. Same algorithm and parameters as org.kefu.banking.PinHasher.
 * Usage: java tools/pin-hash/PinHash.java ACCOUNT_NUMBER  (the PIN is read from standard input,
 * so that it does not end up in the shell history or the process list).
 */
public class PinHash {
    public static void main(String[] args) throws Exception {
        String pin = new String(System.in.readAllBytes()).strip();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 120_000;
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        System.out.printf("%s salt=%s iterations=%d hash=%s%n", args.length > 0 ? args[0] : "-",
                Base64.getEncoder().encodeToString(salt), iterations, Base64.getEncoder().encodeToString(hash));
    }
}
