package org.kefu.outbound.dunning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import java.time.Duration;

/** Puts dunning jobs on kefu.dunning, in the caller's transaction (JmsXA). */
@Stateless
@PermitAll // local only
public class DunningJobs {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/kefu/dunning")
    private Queue dunning;

    public void enqueue(long noticeId, Duration delay) {
        jms.createProducer().setProperty("kefu_type", "dunning").setJMSCorrelationID("dunning:" + noticeId)
                .setDeliveryDelay(Math.max(0, delay.toMillis())).send(dunning, new DunningJob(noticeId).toJson());
    }
}
