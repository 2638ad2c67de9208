package org.kefu.banking;

import java.io.Serializable;

/** A registered payee as the IVR reads it out ("press 1 for 李四"). */
public record PayeeSummary(String accountNumber, String name) implements Serializable {
}
