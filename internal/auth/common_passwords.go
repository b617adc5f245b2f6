package auth

import "strings"

// commonPasswords are the passwords of at least 8 characters tried first
// by anyone guessing (the top of the published leak lists, English and
// Chinese, plus this system's own names), compared without case. Runs
// (12345678) and repeats (88888888) are refused by their own rules.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(commonPasswordList) {
		m[w] = true
	}
	return m
}()

const commonPasswordList = `
password password1 password12 password123 passw0rd p@ssw0rd p@ssword pa55word
passwort motdepasse qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234 qwer1234
1qaz2wsx 1qaz2wsx3edc qazwsxedc zaq12wsx asdfghjk asdfghjkl asdf1234 zxcvbnm1
zxcvbnmm iloveyou iloveyou1 sunshine princess football baseball superman
starwars trustno1 whatever welcome1 welcome123 letmein1 monkey12 dragon12
master12 shadow12 michael1 computer internet abc12345 abcd1234 a1234567
aa123456 a12345678 aa12345678 abc123456 123456aa 123456abc 1234qwer 12qwaszx
1q2w3e4r 1q2w3e4r5t q1w2e3r4 admin123 admin1234 admin888 administrator
root1234 test1234 testtest changeme changeme1 default1 secret12 11223344
12341234 12344321 123123123 123321123 147258369 159753123 987654321a
5201314520 52013145 1314520520 woaini1314 woaini520 woaiwojia iloveyou520
aini1314 wangyang zhang123 zhangwei li123456 wang1234 qq123456 qq1234567
huawei123 xiaomi123 baidu123 taobao123 shuwu123 shuwu-demo123 shuwushuwu
library1 library123 reader123 librarian
`
