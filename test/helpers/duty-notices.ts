// Four invented notices for the reporting-duty check: an SNS account takeover and a spam-mail notice
// that state no personal data (doubtful), a hospital that dates its 速報 and 確報, and a card leak
// that mentions no report (reportable, not reported).
export const SNS = `公式Xアカウントの乗っ取りについて
2024年6月3日
あさひ町
当町の公式X(旧Twitter)アカウントが、2024年6月1日に第三者からの不正アクセスにより乗っ取られ、不審な投稿が行われていることを確認しました。
現在、X社に復旧を依頼しております。不審なダイレクトメッセージが届いた場合は開かないようご注意ください。
`;
export const SPAM = `迷惑メール送信に関するお詫び
2024年5月20日
株式会社ゆうなぎ物産
当社従業員のメールアカウントが第三者により不正利用され、2024年5月17日から18日にかけて、当該アカウントから大量の迷惑メールが送信されました。
なお、現時点では個人情報の漏洩は確認されておりません。
`;
export const HOSPITAL = `不正アクセスによる個人情報漏えいに関するお知らせ(第2報)
2024年7月1日
医療法人さくら会 はまべ病院
当院の電子カルテサーバーが第三者による不正アクセスを受け、患者様1,200名分の氏名、生年月日、病名が外部に流出した可能性があることが判明しました。
2024年4月1日に不正アクセスを検知し、4月5日に個人情報保護委員会へ速報を行いました。
その後、調査結果をまとめ、6月20日に確報を提出いたしました。
`;
export const CARDS = `会員情報流出のお詫び
2024年3月15日
株式会社こなみ書店
当社オンラインショップが不正アクセスを受け、会員3,400名のクレジットカード番号が流出した可能性があります。
`;

