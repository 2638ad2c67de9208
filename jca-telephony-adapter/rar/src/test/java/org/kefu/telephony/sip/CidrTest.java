package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesInsideTheBlockOnly() {
        Cidr loopback = Cidr.parse("127.0.0.0/8");
        assertThat(loopback.contains("127.0.0.1")).isTrue();
        assertThat(loopback.contains("127.255.255.254")).isTrue();
        assertThat(loopback.contains("128.0.0.1")).isFalse();
        Cidr odd = Cidr.parse("10.1.2.128/25");
        assertThat(odd.contains("10.1.2.200")).isTrue();
        assertThat(odd.contains("10.1.2.127")).isFalse();
    }

    @Test
    void bareAddressIsHostRouteAndIpv6Works() {
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains("127.0.0.1")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    }

    @Test
    void rejectsHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.parse("10.0.0.0/8").contains("not-an-ip")).isFalse();
    }

    @Test
    void aclPermitsAnyListedBlock() {
        TrunkAcl acl = new TrunkAcl(List.of("192.0.2.0/24", "127.0.0.1/32"));
        assertThat(acl.permits("192.0.2.99")).isTrue();
        assertThat(acl.permits("127.0.0.1")).isTrue();
        assertThat(acl.permits("127.0.0.2")).isFalse();
        assertThat(acl.permits(null)).isFalse();
    }
}
