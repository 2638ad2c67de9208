package org.kefu.telephony.ra;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/**
 * How a message-driven bean subscribes to call events. Nothing to configure yet: every endpoint
 * receives every event; the MDB decides what concerns it.
 */
public class CallEventActivationSpec implements ActivationSpec {

    private ResourceAdapter adapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // no properties
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.adapter = ra;
    }
}
