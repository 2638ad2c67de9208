#!/usr/bin/env bash
# Regenerates the committed prompt WAVs of the media engine (developer tool; the build never runs it).
# Needs espeak-ng (voices cmn-latn-pinyin and en) and sox. Output: 8 kHz, mono, 16-bit signed PCM WAV.
#
# Why pinyin: espeak-ng 1.51's `cmn` voice reads many single hanzi as pinyin with the tone digit
# spoken in English ("幺" -> "yao one"), which is useless for number words. The `cmn-latn-pinyin`
# voice is the same Mandarin voice fed with tone-numbered pinyin and pronounces it correctly.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=rar/src/main/resources/prompts
ZH=$OUT/zh-CN; EN=$OUT/en; MUSIC=$OUT/music
mkdir -p "$ZH" "$EN" "$MUSIC"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# to8k IN OUT: resample to 8 kHz mono 16-bit, trim leading/trailing silence, normalise to -3 dBFS.
to8k() {
  sox "$1" -r 8000 -c 1 -b 16 -e signed-integer "$2" \
      silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3 2>/dev/null
}
zh() { espeak-ng -v cmn-latn-pinyin -s 150 -w "$TMP/raw.wav" "$2" 2>/dev/null; to8k "$TMP/raw.wav" "$ZH/$1.wav"; }
en() { espeak-ng -v en -s 160 -w "$TMP/raw.wav" "$2" 2>/dev/null; to8k "$TMP/raw.wav" "$EN/$1.wav"; }

# ---- Chinese number words (pinyin, tone digits) ----
i=0; for p in ling2 yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3; do zh digit-$i $p; i=$((i+1)); done
zh digit-1-yao yao1        # 幺: "1" inside codes, account and phone numbers
zh digit-2-liang liang3    # 两: "2" before 千/万/亿
zh ten shi2; zh hundred bai3; zh thousand qian1; zh wan wan4; zh yi yi4
zh point dian3; zh minus fu4
zh yuan yuan2; zh jiao jiao3; zh fen fen1; zh zheng zheng3
zh year nian2; zh month yue4; zh day ri4

# ---- English number words ----
i=0; for w in zero one two three four five six seven eight nine; do en digit-$i $w; i=$((i+1)); done
i=10; for w in ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen; do en num-$i $w; i=$((i+1)); done
i=20; for w in twenty thirty forty fifty sixty seventy eighty ninety; do en num-$i $w; i=$((i+10)); done
en hundred hundred; en thousand thousand; en million million; en billion billion
en point point; en minus minus; en and and; en yuan yuan; en fen fen
i=1; for w in January February March April May June July August September October November December; do en month-$i $w; i=$((i+1)); done
i=1; for w in first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth \
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second \
    twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth thirty-first; do
  en ordinal-$i "$w"; i=$((i+1)); done

# ---- System prompts: name | pinyin | English ----
while IFS='|' read -r name pinyin english; do
  [ -z "$name" ] && continue
  zh "$name" "$pinyin"; en "$name" "$english"
done <<'LIST'
welcome|huan1 ying2 zhi4 dian4 ke4 fu2 zhong1 xin1|Welcome to the customer service center.
enter-account|qing3 shu1 ru4 nin2 de5 zhang4 hao4, yi3 jing3 hao4 jian4 jie2 shu4|Please enter your account number, followed by the hash key.
enter-pin|qing3 shu1 ru4 nin2 de5 mi4 ma3|Please enter your PIN.
wrong-pin|mi4 ma3 cuo4 wu4, qing3 chong2 xin1 shu1 ru4|The PIN is incorrect. Please try again.
account-locked|nin2 de5 zhang4 hu4 yi3 bei4 suo3 ding4, qing3 lian2 xi4 gui4 tai2|Your account has been locked. Please contact your branch.
your-balance-is|nin2 de5 yu2 e2 wei2|Your balance is
main-menu-banking|cha2 xun2 yu2 e2 qing3 an4 yi1, zhuan3 zhang4 qing3 an4 er4, gua4 shi1 qing3 an4 san1, ren2 gong1 fu2 wu4 qing3 an4 ling2|For your balance, press 1. For transfers, press 2. To report a lost card, press 3. To speak to an agent, press 0.
main-menu-hotline|ren2 gong1 fu2 wu4 qing3 an4 yi1, zi4 zhu4 fu2 wu4 qing3 an4 er4, jie2 shu4 tong1 hua4 qing3 an4 jiu3|Press 1 for an agent, press 2 for self-service, press 9 to end the call.
please-hold|qing3 shao1 hou4|Please hold.
your-position-is|nin2 dang1 qian2 de5 pai2 dui4 wei4 zhi4 shi4|Your position in the queue is
expected-wait|yu4 ji4 deng3 dai4 shi2 jian1|The expected waiting time is
minutes|fen1 zhong1|minutes
transfer-to-agent|zheng4 zai4 wei4 nin2 zhuan3 jie1 ren2 gong1 fu2 wu4|Transferring you to an agent.
invalid-input|shu1 ru4 you3 wu4, qing3 chong2 xin1 shu1 ru4|Invalid input. Please try again.
goodbye|gan3 xie4 nin2 de5 lai2 dian4, zai4 jian4|Thank you for calling. Goodbye.
out-of-hours|xian4 zai4 shi4 fei1 gong1 zuo4 shi2 jian1, qing3 zai4 gong1 zuo4 shi2 jian1 zai4 lai2 dian4|We are closed now. Please call again during office hours.
leave-message-after-tone|qing3 zai4 ti2 shi4 yin1 hou4 liu2 yan2|Please leave a message after the tone.
confirm-press-1-cancel-2|que4 ren4 qing3 an4 yi1, qu3 xiao1 qing3 an4 er4|To confirm, press 1. To cancel, press 2.
transaction-done|jiao1 yi4 cheng2 gong1|The transaction was successful.
transaction-failed|jiao1 yi4 shi1 bai4|The transaction failed.
card-blocked|nin2 de5 ka3 yi3 gua4 shi1|Your card has been blocked.
ticket-number-is|nin2 de5 gong1 dan1 hao4 shi4|Your ticket number is
enter-stock-code|qing3 shu1 ru4 gu3 piao4 dai4 ma3|Please enter the stock code.
enter-price|qing3 shu1 ru4 wei3 tuo1 jia4 ge2, xiao3 shu4 dian3 qing3 an4 xing1 hao4 jian4|Please enter the price. For the decimal point, press star.
enter-quantity|qing3 shu1 ru4 wei3 tuo1 shu4 liang4|Please enter the quantity.
order-placed|wei3 tuo1 yi3 ti2 jiao1|Your order has been placed.
enter-customer-number|qing3 shu1 ru4 nin2 de5 yong4 hu4 bian1 hao4|Please enter your customer number.
your-bill-is|nin2 de5 zhang4 dan1 jin1 e2 wei2|Your bill amount is
paid|yi3 jiao3 fei4|paid
unpaid|wei4 jiao3 fei4|unpaid
callback-offer|ru2 xu1 hui2 dian4 qing3 an4 jiu3, wo3 men5 jiang1 wei4 nin2 bao3 liu2 pai2 dui4 wei4 zhi4|To be called back, press 9. You will keep your place in the queue.
press-star-for-last-agent|ru2 xu1 zhuan3 jie1 shang4 ci4 wei4 nin2 fu2 wu4 de5 ke4 fu2 dai4 biao3, qing3 an4 xing1 hao4 jian4|To speak to the agent who helped you last time, press star.
main-menu-securities|cha2 xun2 hang2 qing2 qing3 an4 yi1, chi2 cang1 he2 zi1 jin1 qing3 an4 er4, wei3 tuo1 mai3 mai4 qing3 an4 san1, ren2 gong1 fu2 wu4 qing3 an4 ling2, jie2 shu4 tong1 hua4 qing3 an4 jiu3|For a quote, press 1. For positions and funds, press 2. To place an order, press 3. To speak to an agent, press 0. To end the call, press 9.
main-menu-utilities|zhang4 dan1 cha2 xun2 he2 jiao3 fei4 qing3 an4 yi1, bao4 xiu1 qing3 an4 er4, cha2 xun2 gong1 dan1 qing3 an4 san1, ren2 gong1 fu2 wu4 qing3 an4 ling2, jie2 shu4 tong1 hua4 qing3 an4 jiu3|For your bill and its payment, press 1. To report a repair, press 2. To check a ticket, press 3. To speak to an agent, press 0. To end the call, press 9.
enter-amount|qing3 shu1 ru4 jin1 e2, xiao3 shu4 dian3 qing3 an4 xing1 hao4 jian4, yi3 jing3 hao4 jian4 jie2 shu4|Please enter the amount, followed by the hash key. For the decimal point, press star.
enter-ticket-number|qing3 shu1 ru4 gong1 dan1 hao4, yi3 jing3 hao4 jian4 jie2 shu4|Please enter your ticket number, followed by the hash key.
buy-or-sell|mai3 ru4 qing3 an4 yi1, mai4 chu1 qing3 an4 er4|To buy, press 1. To sell, press 2.
you-are-buying|nin2 jiang1 mai3 ru4|You are buying
you-are-selling|nin2 jiang1 mai4 chu1|You are selling
at-price|wei3 tuo1 jia4 ge2|at a price of
shares|gu3|shares
price-is|xian4 jia4|The current price is
available-funds-are|nin2 de5 ke3 yong4 zi1 jin1 wei2|Your available funds are
you-hold|chi2 cang1|You hold
repair-registered|nin2 de5 bao4 xiu1 yi3 shou4 li3|Your repair report has been registered.
ticket-status-resolved|yi3 chu3 li3 wan2 bi4|has been resolved.
ticket-status-open|zheng4 zai4 chu3 li3 zhong1|is being handled.
ticket-not-found|wei4 zhao3 dao4 gai1 gong1 dan1|No ticket with that number was found.
message-recorded|nin2 de5 liu2 yan2 yi3 ji4 lu4, wo3 men5 jiang1 jin3 kuai4 hui2 dian4|Your message has been recorded. We will call you back.
dunning-greeting|nin2 hao3, zhe4 li3 shi4 ke4 fu2 zhong1 xin1, ti2 xing3 nin2 jiao3 fei4|Hello, this is the customer service center with a payment reminder.
dunning-due-date|jiao3 fei4 jie2 zhi3 ri4 qi1 wei2|The payment was due on
dunning-menu|li4 ji2 jiao3 fei4 qing3 an4 yi1, ren2 gong1 fu2 wu4 qing3 an4 er4, cheng2 nuo4 jiao3 fei4 ri4 qi1 qing3 an4 san1|To pay now, press 1. To speak to an agent, press 2. To promise a payment date, press 3.
dunning-enter-promise-date|qing3 shu1 ru4 nin2 cheng2 nuo4 jiao3 fei4 de5 ri4 qi1, ba1 wei4 shu4 zi4, nian2 yue4 ri4, yi3 jing3 hao4 jian4 jie2 shu4|Please enter the date by which you will pay, as eight digits, year, month and day, followed by the hash key.
dunning-invalid-date|ri4 qi1 wu2 xiao4, qing3 shu1 ru4 san1 shi2 tian1 nei4 de5 ri4 qi1|That date is not valid. Please enter a date within the next thirty days.
dunning-promise-recorded|xie4 xie5, nin2 de5 cheng2 nuo4 yi3 ji4 lu4, jiao3 fei4 ri4 qi1|Thank you. Your promise is recorded. You will pay by
survey-please-rate|qing3 nin2 dui4 ben3 ci4 fu2 wu4 ping2 fen1, fei1 chang2 man3 yi4 qing3 an4 wu3, man3 yi4 qing3 an4 si4, yi4 ban1 qing3 an4 san1, bu4 man3 yi4 qing3 an4 er4, fei1 chang2 bu4 man3 yi4 qing3 an4 yi1|Please rate our service. Very satisfied, press 5. Satisfied, press 4. Neutral, press 3. Dissatisfied, press 2. Very dissatisfied, press 1.
survey-thanks|gan3 xie4 nin2 de5 ping2 jia4, zai4 jian4|Thank you for your rating. Goodbye.
visit-greeting|nin2 hao3, zhe4 li3 shi4 ke4 fu2 zhong1 xin1, jiu4 nin2 fan3 ying4 de5 wen4 ti2 jin4 xing2 hui2 fang3|Hello, this is the customer service center, calling about the matter you reported.
visit-solved|wen4 ti2 yi3 jie3 jue2 qing3 an4 yi1, wei4 jie3 jue2 qing3 an4 er4|If it has been solved, press 1. If not, press 2.
visit-attitude|qing3 wei4 cheng2 ban4 ren2 yuan2 de5 fu2 wu4 tai4 du4 da3 fen1, cong2 yi1 fen1 dao4 wu3 fen1|Please rate the attitude of the person who handled it, from 1 to 5.
visit-charged|ru2 guo3 xiang4 nin2 shou1 qu3 le5 fei4 yong4 qing3 an4 yi1, mei2 you3 qing3 an4 er4|If you were charged anything, press 1. If not, press 2.
visit-score|qing3 wei4 ben3 ci4 ban4 li3 zong3 ti3 ping2 fen1, cong2 yi1 fen1 dao4 wu3 fen1|Please give an overall score for how it was handled, from 1 to 5.
LIST

# language-choice is bilingual by nature: the same file in both folders.
espeak-ng -v cmn-latn-pinyin -s 150 -w "$TMP/lc-zh.wav" "qing3 an4 yi1 xuan3 ze2 zhong1 wen2" 2>/dev/null
espeak-ng -v en -s 160 -w "$TMP/lc-en.wav" "For English, press 2." 2>/dev/null
sox "$TMP/lc-zh.wav" -r 22050 "$TMP/lc-zh2.wav"; sox "$TMP/lc-en.wav" -r 22050 "$TMP/lc-en2.wav"
sox -n -r 22050 -c 1 "$TMP/gap.wav" trim 0 0.4
sox "$TMP/lc-zh2.wav" "$TMP/gap.wav" "$TMP/lc-en2.wav" "$TMP/lc.wav"
to8k "$TMP/lc.wav" "$ZH/language-choice.wav"; cp "$ZH/language-choice.wav" "$EN/language-choice.wav"

# beep: 0.4 s of 1 kHz with soft edges (same in both languages).
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$ZH/beep.wav" synth 0.4 sine 1000 fade 0.02 0.4 0.02 gain -6
cp "$ZH/beep.wav" "$EN/beep.wav"

# Music on hold: a plucked I-vi-IV-V progression in C (each chord arpeggiated), 8 bars of 2.5 s = 20 s.
n=0
for chord in "C3 E3 G3 C4" "A2 C3 E3 A3" "F2 A2 C3 F3" "G2 B2 D3 G3"; do
  set -- $chord
  sox -n -r 22050 -c 1 "$TMP/chord$n.wav" synth 2.5 pluck $1 pluck $2 pluck $3 pluck $4 \
      delay 0 0.12 0.24 0.36 remix - fade 0 2.5 0.3 gain -n -4
  n=$((n+1))
done
sox "$TMP"/chord0.wav "$TMP"/chord1.wav "$TMP"/chord2.wav "$TMP"/chord3.wav \
    "$TMP"/chord0.wav "$TMP"/chord1.wav "$TMP"/chord2.wav "$TMP"/chord3.wav \
    -r 8000 -c 1 -b 16 -e signed-integer "$MUSIC/hold.wav" gain -n -6
echo "prompts written to $OUT: $(find "$OUT" -name '*.wav' | wc -l) files, $(du -sh "$OUT" | cut -f1)"
