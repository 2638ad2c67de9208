package org.kefu.platform;

import java.io.Serializable;

/** Where a phone number is from: province and city (when known) and the mobile carrier. */
public class PhoneRegion implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String province;
    private final String city;
    private final String carrier;

    public PhoneRegion(String kind, String province, String city, String carrier) {
        this.kind = kind;
        this.province = province;
        this.city = city;
        this.carrier = carrier;
    }

    /** LANDLINE or MOBILE. */
    public String getKind() {
        return kind;
    }

    public String getProvince() {
        return province;
    }

    public String getCity() {
        return city;
    }

    public String getCarrier() {
        return carrier;
    }

    /** "广东 深圳", "北京 中国移动", "中国联通": what is known, in one line. */
    public String getDescription() {
        StringBuilder b = new StringBuilder();
        if (province != null) {
            b.append(province);
        }
        if (city != null && !city.equals(province)) {
            b.append(b.length() > 0 ? " " : "").append(city);
        }
        if (carrier != null) {
            b.append(b.length() > 0 ? " " : "").append(carrier);
        }
        return b.toString();
    }
}
