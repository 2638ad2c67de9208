package org.kefu.acd;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

/**
 * Tells the switch which desk phones may register, with their digest secrets from the database:
 * at deployment, and again whenever an administrator changes them.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
@PermitAll
public class DeskPhones {

    private static final Logger LOG = Logger.getLogger(DeskPhones.class);

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @PostConstruct
    public void provisionAll() {
        if (!switchFactory.linkStatus().up()) {
            LOG.warnf("Switch is down (%s): desk phones not provisioned", switchFactory.linkStatus().detail());
            return;
        }
        int count = 0;
        try (SwitchConnection sw = switchFactory.getConnection()) {
            for (PhoneExtension phone : em.createQuery("select p from PhoneExtension p", PhoneExtension.class).getResultList()) {
                DeviceId device = new DeviceId(phone.getExtension());
                if (phone.isActive()) {
                    sw.provisionDevice(device, phone.getSipRealm(), phone.getSipHa1(), phone.getSipHa1Sha256());
                    count++;
                } else {
                    sw.removeDevice(device);
                }
            }
        } catch (TelephonyException e) {
            LOG.errorf("Cannot provision desk phones on the switch: %s", e.getMessage());
            return;
        }
        LOG.infof("%d desk phone(s) may register with the switch", count);
    }
}
