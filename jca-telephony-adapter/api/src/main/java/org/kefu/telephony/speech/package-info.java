/**
 * Numbers, amounts, dates and digit strings as lists of prompt names (zh-CN and en), for playing
 * by concatenation of recorded words. Pure Java, no dependencies: used by the IVR flow engine in
 * the EJBs and available to the resource adapter.
 */
package org.kefu.telephony.speech;
