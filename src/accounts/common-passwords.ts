/**
 * A small shipped list of passwords attackers try first, compared lower-case. It holds
 * whole passwords of 12+ characters seen in public breach top lists, and base words
 * (EN/NL/SV/DE/FR) that people pad with digits to reach 12: "wachtwoord2024!" is
 * caught because its base "wachtwoord" is listed. Written for Weerbaar, no licence needed.
 */
const LIST = `
password passw0rd p@ssword p@ssw0rd passwort wachtwoord wachtw00rd welkom welkom01 lösenord losenord motdepasse
motdepass azerty azertyuiop qwerty qwertyuiop qwertyuiopasdf qwertzuiop asdfghjkl asdfghjkl1 zxcvbnm zxcvbnm123
iloveyou iloveyou123 letmein letmein123 welcome welcome123 admin admin123 administrator administrator1 root toor
changeme changeme123 default secret secret123 monkey dragon football baseball sunshine princess superman batman
trustno1 starwars master master123 shadow michael jennifer charlie hunter ranger summer winter spring autumn
zomer winter lente herfst sommar vinter sommaren hallo hallo123 hello hello123 hej hejsan geheim geheim123
test test123 testtest testing testing123 user user123 guest guest123 login login123 webshop webshop123 shop
shop123 onlineshop ecommerce weerbaar weerbaar123 amsterdam rotterdam utrecht stockholm goteborg göteborg
brussel bruxelles antwerpen paris berlin nederland sverige belgique belgie deutschland france
123456789012 1234567890123 12345678901234 123456789012345 1234567890 12345678901 111111111111 000000000000
123123123123 121212121212 112233445566 987654321098 abcdefghijkl abcdefghijklm abc123abc123 abcd1234abcd
1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qaz2wsx3edc 1qaz2wsx3edc4rfv q1w2e3r4t5y6 qazwsxedcrfv zaq12wsxcde3
qwerty123456 qwertyuiop123 qwertyuiop12 qwerty12345678 password1234 password12345 password123456
passwordpassword mypassword123 mypassword12 newpassword123 iloveyou1234 letmein12345 welcome12345
administrator123 superman1234 football1234 baseball1234 sunshine1234 princess1234 trustno11234
wachtwoord123 wachtwoord1234 welkom123456 welkomwelkom lösenord1234 losenord1234 passwort1234
motdepasse123 motdepasse1234 azerty123456 correcthorsebatterystaple correcthorse
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
