package com.batchtrace.compliance.integrity.control;

import com.batchtrace.compliance.integrity.boundary.CheckpointsUnavailable;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The checkpoint key: an Ed25519 key pair in a PKCS#12 keystore outside the database, readable only
 * by the server's own operating system user. BATCHTRACE_CHECKPOINT_KEYSTORE is its path,
 * BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD its passphrase, BATCHTRACE_CHECKPOINT_KEY_ALIAS the entry
 * (unset: the keystore's only key). There is no default key: without these settings no checkpoint
 * is signed, and the integrity check says so. A keystore that other users may read is refused.
 * Ed25519 is the JDK's own (java.security), nothing hand-written.
 */
public final class CheckpointKey {

  public static final String ALGORITHM = "Ed25519";

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String id;

  private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.id = idOf(publicKey);
  }

  /**
   * The key as the settings name it; a {@link CheckpointsUnavailable} with the reason otherwise.
   */
  public static CheckpointKey fromSettings() {
    String path = Settings.text("BATCHTRACE_CHECKPOINT_KEYSTORE", "");
    if (path.isEmpty()) {
      throw new CheckpointsUnavailable(
          "No checkpoint key is configured (BATCHTRACE_CHECKPOINT_KEYSTORE is not set): no"
              + " checkpoint is signed, and the chains are checked only against themselves.");
    }
    return load(
        Path.of(path),
        Settings.text("BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD", ""),
        Settings.text("BATCHTRACE_CHECKPOINT_KEY_ALIAS", ""));
  }

  /** Loads an Ed25519 key pair from a PKCS#12 keystore. */
  public static CheckpointKey load(Path file, String passphrase, String alias) {
    if (!Files.isReadable(file)) {
      throw new CheckpointsUnavailable(
          "The checkpoint keystore " + file + " does not exist or is unreadable.");
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!Collections.disjoint(permissions, OTHERS)) {
        throw new CheckpointsUnavailable(
            "The checkpoint keystore "
                + file
                + " may be read by other users: no checkpoint is signed until only the server's"
                + " user can read it (chmod 600).");
      }
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions: its access control lists are the operator's
    } catch (IOException e) {
      throw new CheckpointsUnavailable("The checkpoint keystore " + file + " cannot be read: " + e);
    }
    char[] password = passphrase.toCharArray();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String entry = alias.isEmpty() ? onlyKey(store, file) : alias;
      if (!store.isKeyEntry(entry)) {
        throw new CheckpointsUnavailable(
            "The checkpoint keystore " + file + " has no key '" + entry + "'.");
      }
      PrivateKey key = (PrivateKey) store.getKey(entry, password);
      Certificate certificate = store.getCertificate(entry);
      if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
        throw new CheckpointsUnavailable(
            "The checkpoint key in "
                + file
                + " is "
                + key.getAlgorithm()
                + "; it must be Ed25519 (keytool -genkeypair -keyalg Ed25519).");
      }
      return new CheckpointKey(key, certificate.getPublicKey());
    } catch (IOException | GeneralSecurityException e) {
      throw new CheckpointsUnavailable(
          "The checkpoint keystore " + file + " cannot be opened (passphrase?): " + e.getMessage());
    }
  }

  private static String onlyKey(KeyStore store, Path file) throws GeneralSecurityException {
    String found = null;
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        if (found != null) {
          throw new CheckpointsUnavailable(
              "The checkpoint keystore "
                  + file
                  + " holds several keys: name one with BATCHTRACE_CHECKPOINT_KEY_ALIAS.");
        }
        found = alias;
      }
    }
    if (found == null) {
      throw new CheckpointsUnavailable("The checkpoint keystore " + file + " holds no key.");
    }
    return found;
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Signing a checkpoint failed", e);
    }
  }

  public boolean verifies(byte[] message, byte[] signature) {
    return verifies(publicKey, message, signature);
  }

  public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** SHA-256 of the public key's X.509 encoding, hex: names the key in every checkpoint. */
  public String id() {
    return id;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public static String idOf(PublicKey key) {
    return Sha256.hex(key.getEncoded());
  }
}
