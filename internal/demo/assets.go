package demo

import (
	"fmt"

	"shuwu/internal/assets"
)

// loadAssets registers the room's furnishing as the article tells it:
// more than 200,000 yuan invested, 10 shelf groups, 4 reading tables, 40
// chairs, computers for the electronic reading corner, air conditioning
// and a dehumidifier, bought in July 2022 before the room opened; a water
// dispenser that broke was retired.
func (l *loader) loadAssets() error {
	svc := assets.NewService(l.db.Assets(), l.tz, l.clk.now)
	const bought = "2022-07-18"
	lines := []assets.Asset{
		{Name: "钢制双面书架", Category: assets.Shelving, Model: "2000×1800×450 mm，六层", Quantity: 10, ValueFen: 48000_00, Acquired: bought, Location: "藏书室", Notes: "10 组，按中图法分类排架"},
		{Name: "期刊报纸架", Category: assets.Shelving, Model: "钢木结构，双面", Quantity: 2, ValueFen: 3600_00, Acquired: bought, Location: "阅览室"},
		{Name: "实木阅览桌", Category: assets.Furniture, Model: "2400×1200 mm，十人位", Quantity: 4, ValueFen: 16800_00, Acquired: bought, Location: "阅览室"},
		{Name: "阅览椅", Category: assets.Furniture, Model: "实木软包", Quantity: 40, ValueFen: 16000_00, Acquired: bought, Location: "阅览室"},
		{Name: "休闲沙发", Category: assets.Furniture, Model: "三人位＋茶几", Quantity: 2, ValueFen: 9600_00, Acquired: bought, Location: "休闲讨论区"},
		{Name: "台式电脑", Category: assets.Computer, Model: "国产信创整机，23.8 英寸", Quantity: 4, ValueFen: 23600_00, Acquired: bought, Location: "电子资料查阅台", Notes: "学员查阅电子资料、学习强国"},
		{Name: "借还台电脑及扫码枪", Category: assets.Computer, Model: "整机＋条码扫描枪＋读者证打印", Quantity: 1, ValueFen: 6800_00, Acquired: bought, Location: "借还台"},
		{Name: "打印复印一体机", Category: assets.Computer, Model: "A4 黑白激光", Quantity: 1, ValueFen: 4200_00, Acquired: "2022-08-10", Location: "借还台", State: assets.Repair, Notes: "卡纸，已报修"},
		{Name: "入馆登记平板及门口显示屏", Category: assets.Computer, Model: "10 英寸平板＋55 英寸显示屏", Quantity: 2, ValueFen: 12800_00, Acquired: "2022-08-10", Location: "书屋门口"},
		{Name: "柜式空调", Category: assets.Appliance, Model: "3 匹变频", Quantity: 2, ValueFen: 17000_00, Acquired: bought, Location: "阅览室"},
		{Name: "壁挂式空调", Category: assets.Appliance, Model: "1.5 匹变频", Quantity: 1, ValueFen: 3800_00, Acquired: bought, Location: "藏书室"},
		{Name: "除湿机", Category: assets.Appliance, Model: "日除湿量 50 升", Quantity: 2, ValueFen: 7600_00, Acquired: "2022-08-10", Location: "藏书室", Notes: "雨季每日开机，防止图书受潮"},
		{Name: "监控摄像头", Category: assets.Other, Model: "含硬盘录像机", Quantity: 4, ValueFen: 5200_00, Acquired: "2022-08-10", Location: "藏书室、阅览室"},
		{Name: "饮水机", Category: assets.Appliance, Model: "立式冷热", Quantity: 1, ValueFen: 800_00, Acquired: bought, Location: "休闲讨论区"},
	}
	for _, a := range lines {
		saved, err := svc.Create(l.ctx, a)
		if err != nil {
			return fmt.Errorf("equipment %s: %w", a.Name, err)
		}
		if a.Name == "饮水机" {
			if _, err := svc.Retire(l.ctx, saved.ID, assets.Retirement{Date: "2024-06-12", Reason: "内胆漏水，无维修价值，已更换为管线机"}); err != nil {
				return fmt.Errorf("retire %s: %w", a.Name, err)
			}
		}
	}
	return nil
}
