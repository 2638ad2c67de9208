package org.kefu.securities;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.kefu.security.Role;

import java.util.List;

/** {@link BackOfficeSecurities} over the service the IVR uses; role backoffice only. */
@Stateless
@RolesAllowed(Role.BACKOFFICE)
public class BackOfficeSecuritiesBean implements BackOfficeSecurities {

    @EJB
    private SecuritiesService securities;

    @Override
    public Holdings holdings(String accountId) throws SecuritiesException {
        return securities.holdings(accountId);
    }

    @Override
    public List<OrderView> orders(String accountId, int max) throws SecuritiesException {
        return securities.orders(accountId, max);
    }

    @Override
    public List<Quote> quotes() {
        return securities.quotes();
    }
}
