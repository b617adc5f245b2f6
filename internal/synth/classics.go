package synth

// classic is one real, well-known book the demo collection must hold.
type classic struct {
	title, other, series string
	authors              []Author
	pub                  publisher
	year                 int
	clc                  string
	subjects             []string
	pages                int
	priceYuan            int
}

func by(pairs ...string) []Author {
	out := make([]Author, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Author{Name: pairs[i], Role: pairs[i+1]})
	}
	return out
}

const bianyiju = "中共中央马克思恩格斯列宁斯大林著作编译局"

var classics = []classic{
	{title: "共产党宣言", authors: by("马克思", "著", "恩格斯", "著", bianyiju, "译"), pub: pubRenmin, year: 2014, clc: "A122", subjects: []string{"马克思著作", "恩格斯著作", "科学社会主义"}, pages: 86, priceYuan: 10},
	{title: "资本论", other: "第一卷", authors: by("马克思", "著", bianyiju, "译"), pub: pubRenmin, year: 2018, clc: "A123", subjects: []string{"马克思著作", "资本论"}, pages: 905, priceYuan: 98},
	{title: "马克思恩格斯选集", other: "第一卷", authors: by("马克思", "著", "恩格斯", "著", bianyiju, "编译"), pub: pubRenmin, year: 2012, clc: "A11", subjects: []string{"马克思著作", "恩格斯著作"}, pages: 1012, priceYuan: 86},
	{title: "列宁选集", other: "第三卷", authors: by("列宁", "著", bianyiju, "编译"), pub: pubRenmin, year: 2012, clc: "A21", subjects: []string{"列宁著作"}, pages: 906, priceYuan: 78},
	{title: "国家与革命", authors: by("列宁", "著", bianyiju, "译"), pub: pubRenmin, year: 2015, clc: "A22", subjects: []string{"列宁著作", "国家理论"}, pages: 136, priceYuan: 16},
	{title: "毛泽东选集", other: "第一卷", authors: by("毛泽东", "著"), pub: pubRenmin, year: 1991, clc: "A41", subjects: []string{"毛泽东著作"}, pages: 354, priceYuan: 38},
	{title: "毛泽东选集", other: "第二卷", authors: by("毛泽东", "著"), pub: pubRenmin, year: 1991, clc: "A41", subjects: []string{"毛泽东著作"}, pages: 420, priceYuan: 42},
	{title: "毛泽东选集", other: "第三卷", authors: by("毛泽东", "著"), pub: pubRenmin, year: 1991, clc: "A41", subjects: []string{"毛泽东著作"}, pages: 376, priceYuan: 40},
	{title: "毛泽东选集", other: "第四卷", authors: by("毛泽东", "著"), pub: pubRenmin, year: 1991, clc: "A41", subjects: []string{"毛泽东著作"}, pages: 402, priceYuan: 41},
	{title: "实践论 矛盾论", authors: by("毛泽东", "著"), pub: pubRenmin, year: 2017, clc: "A424", subjects: []string{"毛泽东著作", "辩证唯物主义"}, pages: 72, priceYuan: 12},
	{title: "论持久战", authors: by("毛泽东", "著"), pub: pubRenmin, year: 2015, clc: "A424", subjects: []string{"毛泽东著作", "抗日战争"}, pages: 92, priceYuan: 14},
	{title: "邓小平文选", other: "第一卷", authors: by("邓小平", "著"), pub: pubRenmin, year: 1994, clc: "A491", subjects: []string{"邓小平著作"}, pages: 412, priceYuan: 36},
	{title: "邓小平文选", other: "第二卷", authors: by("邓小平", "著"), pub: pubRenmin, year: 1994, clc: "A491", subjects: []string{"邓小平著作"}, pages: 428, priceYuan: 36},
	{title: "邓小平文选", other: "第三卷", authors: by("邓小平", "著"), pub: pubRenmin, year: 1993, clc: "A491", subjects: []string{"邓小平著作"}, pages: 430, priceYuan: 36},
	{title: "江泽民文选", other: "第一卷", authors: by("江泽民", "著"), pub: pubRenmin, year: 2006, clc: "D2-0", subjects: []string{"江泽民著作"}, pages: 664, priceYuan: 58},
	{title: "胡锦涛文选", other: "第一卷", authors: by("胡锦涛", "著"), pub: pubRenmin, year: 2016, clc: "D2-0", subjects: []string{"胡锦涛著作"}, pages: 640, priceYuan: 60},
	{title: "习近平谈治国理政", other: "第一卷", authors: by("习近平", "著"), pub: pubWaiwen, year: 2014, clc: "D2-0", subjects: []string{"习近平著作", "国家治理"}, pages: 515, priceYuan: 80},
	{title: "习近平谈治国理政", other: "第二卷", authors: by("习近平", "著"), pub: pubWaiwen, year: 2017, clc: "D2-0", subjects: []string{"习近平著作", "国家治理"}, pages: 576, priceYuan: 80},
	{title: "习近平谈治国理政", other: "第三卷", authors: by("习近平", "著"), pub: pubWaiwen, year: 2020, clc: "D2-0", subjects: []string{"习近平著作", "国家治理"}, pages: 612, priceYuan: 80},
	{title: "习近平谈治国理政", other: "第四卷", authors: by("习近平", "著"), pub: pubWaiwen, year: 2022, clc: "D2-0", subjects: []string{"习近平著作", "国家治理"}, pages: 650, priceYuan: 80},
	{title: "习近平著作选读", other: "第一卷", authors: by("习近平", "著"), pub: pubRenmin, year: 2023, clc: "D2-0", subjects: []string{"习近平著作"}, pages: 620, priceYuan: 72},
	{title: "之江新语", authors: by("习近平", "著"), pub: pubZhejiangRM, year: 2007, clc: "D2-0", subjects: []string{"习近平著作", "中国特色社会主义"}, pages: 280, priceYuan: 30},
	{title: "摆脱贫困", authors: by("习近平", "著"), pub: publisher{"福建人民出版社", "福州", "7-211"}, year: 2014, clc: "D2-0", subjects: []string{"习近平著作", "扶贫"}, pages: 238, priceYuan: 26},
	{title: "习近平新时代中国特色社会主义思想学习纲要", authors: by("中共中央宣传部", "编"), pub: pubXuexi, year: 2019, clc: "D61", subjects: []string{"习近平新时代中国特色社会主义思想—学习参考资料"}, pages: 274, priceYuan: 16},
	{title: "习近平新时代中国特色社会主义思想学习问答", authors: by("中共中央宣传部", "编"), pub: pubXuexi, year: 2021, clc: "D61", subjects: []string{"习近平新时代中国特色社会主义思想—学习参考资料"}, pages: 410, priceYuan: 26},
	{title: "习近平新时代中国特色社会主义思想专题摘编", authors: by("中共中央党史和文献研究院", "编"), pub: pubWenxian, year: 2023, clc: "D61", subjects: []string{"习近平新时代中国特色社会主义思想—学习参考资料"}, pages: 560, priceYuan: 70},
	{title: "习近平关于全面从严治党论述摘编", authors: by("中共中央党史和文献研究院", "编"), pub: pubWenxian, year: 2021, clc: "D26", subjects: []string{"中国共产党—党的建设"}, pages: 330, priceYuan: 36},
	{title: "中国共产党章程", authors: by("中国共产党第二十次全国代表大会", "通过"), pub: pubRenmin, year: 2022, clc: "D21", subjects: []string{"中国共产党—党章"}, pages: 64, priceYuan: 6},
	{title: "中国共产党章程", other: "学习问答", authors: by("本书编写组", "编"), pub: pubDangjian, year: 2022, clc: "D219", subjects: []string{"中国共产党—党章—学习参考资料"}, pages: 188, priceYuan: 20},
	{title: "中国共产党简史", authors: by("本书编写组", "编"), pub: pubRenmin, year: 2021, clc: "D23", subjects: []string{"中国共产党—党史"}, pages: 531, priceYuan: 25},
	{title: "中国共产党历史", other: "第一卷（1921—1949）", authors: by("中共中央党史研究室", "著"), pub: pubDangshi, year: 2011, clc: "D23", subjects: []string{"中国共产党—党史"}, pages: 1090, priceYuan: 98},
	{title: "中国共产党历史", other: "第二卷（1949—1978）", authors: by("中共中央党史研究室", "著"), pub: pubDangshi, year: 2011, clc: "D23", subjects: []string{"中国共产党—党史"}, pages: 1080, priceYuan: 98},
	{title: "中国共产党的一百年", authors: by("中共中央党史和文献研究院", "著"), pub: pubDangshi, year: 2022, clc: "D23", subjects: []string{"中国共产党—党史"}, pages: 1200, priceYuan: 168},
	{title: "中华人民共和国简史", authors: by("本书编写组", "编"), pub: pubRenmin, year: 2021, clc: "K27", subjects: []string{"中国历史—现代史"}, pages: 400, priceYuan: 22},
	{title: "改革开放简史", authors: by("本书编写组", "编"), pub: pubRenmin, year: 2021, clc: "D61", subjects: []string{"改革开放—历史—中国"}, pages: 320, priceYuan: 20},
	{title: "社会主义发展简史", authors: by("本书编写组", "编"), pub: pubXuexi, year: 2021, clc: "D0", subjects: []string{"社会主义—历史"}, pages: 360, priceYuan: 20},
	{title: "论共产党员的修养", authors: by("刘少奇", "著"), pub: pubRenmin, year: 2018, clc: "D263", subjects: []string{"中国共产党—党员—党性修养"}, pages: 90, priceYuan: 12},
	{title: "党的二十大报告辅导读本", authors: by("本书编写组", "编"), pub: pubRenmin, year: 2022, clc: "D229", subjects: []string{"中国共产党第二十次全国代表大会—报告—学习参考资料"}, pages: 460, priceYuan: 32},
	{title: "党的二十大报告学习辅导百问", authors: by("本书编写组", "编"), pub: pubDangjian, year: 2022, clc: "D229", subjects: []string{"中国共产党第二十次全国代表大会—报告—学习参考资料"}, pages: 220, priceYuan: 18},
	{title: "中国共产党第二十次全国代表大会文件汇编", authors: by("人民出版社", "编"), pub: pubRenmin, year: 2022, clc: "D229", subjects: []string{"中国共产党第二十次全国代表大会—文件"}, pages: 120, priceYuan: 15},
	{title: "中国共产党第十九届中央委员会第六次全体会议文件汇编", authors: by("人民出版社", "编"), pub: pubRenmin, year: 2021, clc: "D229", subjects: []string{"中国共产党—中央全会—文件"}, pages: 96, priceYuan: 12},
	{title: "中国共产党纪律处分条例", authors: by("中共中央", "制定"), pub: pubFangzheng, year: 2024, clc: "D262.6", subjects: []string{"中国共产党—党纪—条例"}, pages: 60, priceYuan: 8},
	{title: "中国共产党廉洁自律准则", authors: by("中共中央", "制定"), pub: pubFangzheng, year: 2015, clc: "D262.6", subjects: []string{"中国共产党—廉政建设—条例"}, pages: 32, priceYuan: 5},
	{title: "中国共产党支部工作条例（试行）", authors: by("中共中央", "制定"), pub: pubRenmin, year: 2018, clc: "D262.2", subjects: []string{"中国共产党—党支部—工作—条例"}, pages: 40, priceYuan: 6},
	{title: "中国共产党党员教育管理工作条例", authors: by("中共中央", "制定"), pub: pubRenmin, year: 2019, clc: "D263", subjects: []string{"中国共产党—党员教育—条例"}, pages: 36, priceYuan: 6},
	{title: "中华人民共和国宪法", authors: by("全国人民代表大会", "通过"), pub: pubFalv, year: 2018, clc: "D921", subjects: []string{"宪法—中国"}, pages: 88, priceYuan: 8},
	{title: "习近平在正定", authors: by("中央党校采访实录编辑室", "编"), pub: pubDangxiao, year: 2019, clc: "D2-0", subjects: []string{"习近平—生平事迹"}, pages: 310, priceYuan: 42},
	{title: "习近平的七年知青岁月", authors: by("中央党校采访实录编辑室", "编"), pub: pubDangxiao, year: 2017, clc: "D2-0", subjects: []string{"习近平—生平事迹"}, pages: 320, priceYuan: 45},
	{title: "毛泽东传", authors: by("金冲及", "主编", "中共中央文献研究室", "编"), pub: pubWenxian, year: 2011, clc: "A75", subjects: []string{"毛泽东—传记"}, pages: 2000, priceYuan: 198},
	{title: "周恩来传", authors: by("金冲及", "主编"), pub: pubWenxian, year: 2008, clc: "K827", subjects: []string{"周恩来—传记"}, pages: 1800, priceYuan: 160},
	{title: "邓小平传（1904—1974）", authors: by("中共中央文献研究室", "编"), pub: pubWenxian, year: 2014, clc: "A76", subjects: []string{"邓小平—传记"}, pages: 1100, priceYuan: 120},
	{title: "苦难辉煌", authors: by("金一南", "著"), pub: publisher{"华艺出版社", "北京", "7-80252"}, year: 2009, clc: "K26", subjects: []string{"中国革命—革命史"}, pages: 560, priceYuan: 49},
	{title: "红星照耀中国", authors: by("（美）埃德加·斯诺", "著", "董乐山", "译"), pub: pubRenwen, year: 2016, clc: "K26", subjects: []string{"中国工农红军—史料", "革命根据地—史料"}, pages: 420, priceYuan: 39},
	{title: "长征", authors: by("王树增", "著"), pub: pubRenwen, year: 2006, clc: "I25", subjects: []string{"报告文学—中国—当代"}, pages: 780, priceYuan: 58},
	{title: "平凡的世界", authors: by("路遥", "著"), pub: pubShiyue, year: 2017, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 1300, priceYuan: 108},
	{title: "人世间", authors: by("梁晓声", "著"), pub: pubQingnian, year: 2017, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 1680, priceYuan: 168},
	{title: "红岩", authors: by("罗广斌", "著", "杨益言", "著"), pub: pubQingnian, year: 2019, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 590, priceYuan: 45},
	{title: "林海雪原", authors: by("曲波", "著"), pub: pubRenwen, year: 2019, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 540, priceYuan: 45},
	{title: "青春之歌", authors: by("杨沫", "著"), pub: pubRenwen, year: 2019, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 560, priceYuan: 46},
	{title: "创业史", authors: by("柳青", "著"), pub: pubRenwen, year: 2019, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 520, priceYuan: 45},
	{title: "觉醒年代", authors: by("龙平平", "著"), pub: pubRenwen, year: 2021, clc: "I247.5", subjects: []string{"长篇小说—中国—当代"}, pages: 620, priceYuan: 69},
	{title: "骆驼祥子", authors: by("老舍", "著"), pub: pubRenwen, year: 2000, clc: "I246.5", subjects: []string{"长篇小说—中国—现代"}, pages: 240, priceYuan: 20},
	{title: "围城", authors: by("钱钟书", "著"), pub: pubRenwen, year: 1991, clc: "I246.5", subjects: []string{"长篇小说—中国—现代"}, pages: 360, priceYuan: 39},
	{title: "呐喊", authors: by("鲁迅", "著"), pub: pubRenwen, year: 1973, clc: "I210.6", subjects: []string{"短篇小说—小说集—中国—现代"}, pages: 180, priceYuan: 15},
	{title: "朝花夕拾", authors: by("鲁迅", "著"), pub: pubRenwen, year: 1979, clc: "I210.4", subjects: []string{"散文集—中国—现代"}, pages: 120, priceYuan: 12},
	{title: "乡土中国", authors: by("费孝通", "著"), pub: pubPKU, year: 2012, clc: "C912.82", subjects: []string{"农村社会学—中国"}, pages: 180, priceYuan: 28},
	{title: "中国哲学简史", authors: by("冯友兰", "著", "赵复三", "译"), pub: pubPKU, year: 2013, clc: "B2", subjects: []string{"哲学史—中国"}, pages: 420, priceYuan: 49},
	{title: "万历十五年", authors: by("黄仁宇", "著"), pub: pubZhonghua, year: 2006, clc: "K248", subjects: []string{"中国历史—明代"}, pages: 300, priceYuan: 28},
	{title: "史记", authors: by("司马迁", "撰"), pub: pubZhonghua, year: 2014, clc: "K204.2", subjects: []string{"中国历史—古代史—纪传体"}, pages: 4000, priceYuan: 398},
	{title: "论语译注", authors: by("杨伯峻", "译注"), pub: pubZhonghua, year: 2017, clc: "B222.2", subjects: []string{"儒家", "论语—译文", "论语—注释"}, pages: 300, priceYuan: 32},
	{title: "中国近现代史纲要", authors: by("本书编写组", "编"), pub: pubGaojiao, year: 2023, clc: "K25", subjects: []string{"中国历史—近代史—高等学校—教材"}, pages: 330, priceYuan: 25},
	{title: "毛泽东思想和中国特色社会主义理论体系概论", authors: by("本书编写组", "编"), pub: pubGaojiao, year: 2023, clc: "A84", subjects: []string{"毛泽东思想—高等学校—教材", "中国特色社会主义—理论研究"}, pages: 320, priceYuan: 25},
}

// Classics returns real, well-known titles with their authors, publishers and
// plausible CLC classes, for the demo collection and the relevance tests.
// Their ISBNs are synthetic (valid check digit, the publisher's registrant
// prefix) because the demo must not pretend to carry real catalogue data.
func Classics() []Book {
	g := NewGenerator(1921)
	out := make([]Book, 0, len(classics))
	for _, c := range classics {
		b := Book{
			Title:      c.title,
			OtherTitle: c.other,
			Series:     c.series,
			Publisher:  c.pub.Name,
			Place:      c.pub.Place,
			Authors:    append([]Author(nil), c.authors...),
			Year:       c.year,
			ISBN13:     g.isbn(c.pub.Prefix),
			PriceFen:   int64(c.priceYuan) * 100,
			Pages:      c.pages,
			CLC:        c.clc,
			Subjects:   append([]string(nil), c.subjects...),
			Language:   "chi",
		}
		out = append(out, b)
	}
	return out
}
