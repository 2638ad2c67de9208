import org.wildfly.security.password.*;
import org.wildfly.security.password.util.ModularCrypt;
import org.wildfly.security.password.interfaces.*;
import org.wildfly.security.password.spec.*;
/** How long one bcrypt check (cost 10, as the demo hashes) takes with Elytron's own PasswordFactory: 20 checks, one per line, in ms. */
public class BcryptCost { public static void main(String[] a) throws Exception {
  PasswordFactory f = PasswordFactory.getInstance("bcrypt", WildFlyElytronPasswordProvider.getInstance());
  byte[] salt = new byte[16];
  Password p = f.generatePassword(new EncryptablePasswordSpec("kefu2026".toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(10, salt)));
  for (int i=0;i<20;i++){ long t=System.nanoTime(); f.verify(p, "kefu2026".toCharArray()); System.out.println((System.nanoTime()-t)/1e6);}
}}
