package org.kefu.ivr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test-only ServiceRegistry with the demo center's values (DEMO-CENTER.md). */
final class FakeServices implements ServiceRegistry {
    static final String ACCOUNT = "6222020000000001";
    static final String PIN = "123456";

    final Map<String, Operation> ops = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Map<String, String>> inputsSeen = new ArrayList<>();
    int pinFailures;
    boolean open = true;
    String lastAgent;

    FakeServices() {
        ops.put("banking.verifyPin", (in, secrets, key) -> {
            char[] pin = secrets.reveal("pin");
            if (!ACCOUNT.equals(in.get("account"))) {
                return ServiceOutcome.error("UNKNOWN_ACCOUNT");
            }
            if (pinFailures >= 3) {
                return ServiceOutcome.error("PIN_LOCKED");
            }
            if (pin != null && PIN.equals(new String(pin))) {
                pinFailures = 0;
                return ServiceOutcome.ok(Map.of());
            }
            return ServiceOutcome.error(++pinFailures >= 3 ? "PIN_LOCKED" : "WRONG_PIN");
        });
        Operation bankPin = ops.get("banking.verifyPin");
        ops.put("securities.verifyPin", (in, secrets, key) -> {
            ServiceOutcome o = bankPin.invoke(in, secrets, key);
            return o.failed() ? o : ServiceOutcome.ok(Map.of("accountId", "GZ01000001", "branch", "GZ01"));
        });
        ops.put("utilities.verifyPin", (in, secrets, key) -> {
            ServiceOutcome o = bankPin.invoke(java.util.Map.of("account", ACCOUNT), secrets, key);
            return o.failed() ? o : ServiceOutcome.ok(Map.of());
        });
        ops.put("banking.balance", (in, s, k) -> ServiceOutcome.ok(Map.of("balance", "10000.00", "available", "10000.00")));
        ops.put("banking.miniStatement", (in, s, k) -> ServiceOutcome.ok(Map.of(
                "line.1.date", "2026-11-20", "line.1.amount", "-128.50",
                "line.2.date", "2026-11-01", "line.2.amount", "10000.00")));
        ops.put("banking.payees", (in, s, k) -> ServiceOutcome.ok(Map.of("payee.count", "1",
                "payee.1.account", "6222020000000002", "payee.1.name", "李四")));
        ops.put("banking.transfer", (in, s, k) -> new java.math.BigDecimal(in.get("amount")).compareTo(new java.math.BigDecimal("5000")) > 0
                ? ServiceOutcome.error("OVER_LIMIT") : ServiceOutcome.ok(Map.of("reference", "T-1")));
        ops.put("banking.payBill", (in, s, k) -> ServiceOutcome.ok(Map.of("reference", "B-1")));
        ops.put("banking.reportCardLoss", (in, s, k) -> ServiceOutcome.ok(Map.of("reference", "L-1")));
        ops.put("utilities.bill", (in, s, k) -> ServiceOutcome.ok(Map.of("billNumber", "BILL-1", "billAmount", "128.50",
                "billStatus", "UNPAID")));
        ops.put("utilities.pay", (in, s, k) -> ServiceOutcome.ok(Map.of("reference", "U-1")));
        ops.put("tickets.createRepair", (in, s, k) -> ServiceOutcome.ok(Map.of("ticketNumber", "20260001")));
        ops.put("tickets.status", (in, s, k) -> ServiceOutcome.ok(Map.of("status", "RESOLVED", "statusDate", "2026-11-21")));
        ops.put("voicemail.store", (in, s, k) -> ServiceOutcome.ok(Map.of("voicemailId", "7")));
        ops.put("acd.lastAgent", (in, s, k) -> lastAgent == null ? ServiceOutcome.error("NONE")
                : ServiceOutcome.ok(Map.of("lastAgent", lastAgent)));
        ops.put("acd.hours", (in, s, k) -> ServiceOutcome.ok(Map.of("open", String.valueOf(open))));
        ops.put("securities.quote", (in, s, k) -> ServiceOutcome.ok(Map.of("price", "10.25", "prevClose", "10.00")));
        ops.put("securities.positions", (in, s, k) -> ServiceOutcome.ok(Map.of("funds", "50000.00",
                "position.1.code", "600000", "position.1.quantity", "1000")));
        ops.put("securities.placeOrder", (in, s, k) -> ServiceOutcome.ok(Map.of("orderRef", "0b6f7c1e-order", "frozenCash", "0")));
    }

    @Override
    public Optional<Operation> find(String name) {
        Operation op = ops.get(name);
        if (op == null) {
            return Optional.empty();
        }
        return Optional.of((in, secrets, key) -> {
            calls.add(name);
            inputsSeen.add(in);
            return op.invoke(in, secrets, key);
        });
    }
}
