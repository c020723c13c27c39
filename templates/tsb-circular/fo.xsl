<?xml version="1.0" encoding="UTF-8"?>
<!-- A TSB circular as XSL-FO 1.1, for circgen's layout engine (and any FO processor).

     A4 portrait, 2 cm side margins. The first page carries the letterhead and the ITU
     address footer; later pages a running header ("- 2 -" and the circular's name).
     Each annex starts on a new page. Accessibility roles (role="H1", "P", ...) become
     the PDF's structure tags.

     Parameters (passed by circgen):
       $typedir  absolute path of this folder (for the emblem)
       $emblem   the letterhead image; default: the neutral placeholder emblem.svg -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:c="urn:circgen:tsb-circular"
                xmlns:s="urn:circgen:strings"
                xmlns:x="adobe:ns:meta/"
                xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                exclude-result-prefixes="c s">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/fo-inline.xsl"/>
  <xsl:include href="../common/fo-block.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="typedir" select="'.'"/>
  <xsl:param name="emblem" select="concat($typedir, '/emblem.svg')"/>

  <!-- Faces per language: Latin text always in the Latin face; Chinese in Song (body)
       and Hei (headings); Arabic in Amiri (a Naskh, regular and bold). -->
  <xsl:variable name="body-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Serif, Noto Serif CJK SC</xsl:when>
      <xsl:when test="$lang = 'ar'">Liberation Serif, Amiri</xsl:when>
      <xsl:otherwise>Liberation Serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="heading-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Sans, Noto Sans CJK SC</xsl:when>
      <xsl:when test="$lang = 'ar'">Liberation Serif, Amiri</xsl:when>
      <xsl:otherwise>Liberation Serif</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="sans-font">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">Liberation Sans, Noto Sans CJK SC</xsl:when>
      <xsl:when test="$lang = 'ar'">Liberation Sans, Amiri</xsl:when>
      <xsl:otherwise>Liberation Sans</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="align">
    <xsl:choose>
      <xsl:when test="$lang = 'zh'">justify</xsl:when>
      <xsl:otherwise>justify</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="accent">#00629b</xsl:variable>
  <!-- The labels' column of the header block (Ref, Tel, E-mail): "البريد الإلكتروني:"
       needs more than "E-mail:". -->
  <xsl:variable name="header-label-width">
    <xsl:choose>
      <xsl:when test="$lang = 'ar'">27mm</xsl:when>
      <xsl:otherwise>22mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="reply-label-width">
    <xsl:choose>
      <xsl:when test="$lang = 'ar'">27mm</xsl:when>
      <xsl:otherwise>18mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>


  <xsl:template match="/c:circular">
    <fo:root font-family="{$body-font}" font-size="12pt" line-height="1.3"
             language="{$lang}" xml:lang="{$out-lang}" writing-mode="{$writing-mode}">
      <xsl:if test="$lang = 'zh'"><xsl:attribute name="country">CN</xsl:attribute></xsl:if>
      <!-- Hyphenation where Debian has patterns and the text is set justified in long words. -->
      <xsl:if test="contains($hyphenated-langs, concat('|', $lang, '|'))"><xsl:attribute name="hyphenate">true</xsl:attribute></xsl:if>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="first" page-width="210mm" page-height="297mm"
                               margin-top="12mm" margin-bottom="10mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-bottom="18mm"/>
          <fo:region-after region-name="first-after" extent="14mm"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="rest" page-width="210mm" page-height="297mm"
                               margin-top="12mm" margin-bottom="15mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-top="16mm"/>
          <fo:region-before region-name="rest-before" extent="12mm"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="circular">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
            <fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>

      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title><xsl:apply-templates select="c:subject" mode="text"/></dc:title>
              <dc:creator><xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template></dc:creator>
              <dc:description><xsl:value-of select="concat($circular-name, ' (', @code, ')')"/></dc:description>
              <dc:language><xsl:value-of select="$out-lang"/></dc:language>
              <dc:date><xsl:value-of select="@date"/></dc:date>
              <pdf:Keywords>
                <xsl:call-template name="keywords"/>
              </pdf:Keywords>
              <xmp:CreateDate><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></xmp:CreateDate>
              <xmp:CreatorTool>circgen</xmp:CreatorTool>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>

      <fo:bookmark-tree>
        <fo:bookmark internal-destination="letter">
          <fo:bookmark-title><xsl:value-of select="$circular-name"/></fo:bookmark-title>
        </fo:bookmark>
        <xsl:for-each select="c:annex">
          <fo:bookmark internal-destination="{@id}">
            <fo:bookmark-title><xsl:call-template name="annex-name"/></fo:bookmark-title>
            <xsl:for-each select="c:draft">
              <fo:bookmark internal-destination="{@id}">
                <fo:bookmark-title><xsl:value-of select="concat('ITU-T ', @number)"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:for-each>
            <xsl:for-each select="c:heading[not(@level) or @level = 1]">
              <fo:bookmark internal-destination="{@id}">
                <fo:bookmark-title><xsl:apply-templates select="." mode="text"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:for-each>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>

      <fo:page-sequence master-reference="circular" initial-page-number="1">
        <fo:static-content flow-name="first-after">
          <fo:block font-family="{$sans-font}" font-size="8pt" line-height="1.35" text-align="center"
                    color="#333333" border-top="0.5pt solid #999999" padding-top="2mm" role="Artifact">
            <fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-address'"/></xsl:call-template></fo:block>
            <fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-contact'"/></xsl:call-template></fo:block>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="rest-before">
          <fo:block text-align="center" font-size="11pt" role="Artifact">- <fo:page-number/> -</fo:block>
          <fo:block text-align="center" font-size="9pt" color="#333333" role="Artifact"><xsl:value-of select="$circular-name"/></fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-footnote-separator">
          <fo:block space-before="6pt" space-after="3pt" role="Artifact"><fo:leader leader-pattern="rule" leader-length="45mm" rule-thickness="0.5pt"/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="letter"/>
          <xsl:apply-templates select="c:annex"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The letter: letterhead, header block, subject, body, signature. -->
  <xsl:template name="letter">
    <fo:block id="letter">
      <fo:table table-layout="fixed" width="100%" space-after="6mm">
        <fo:table-column column-width="22mm"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell display-align="center">
              <fo:block role="Figure">
                <fo:external-graphic src="url('{$emblem}')" content-width="18mm" content-height="18mm">
                  <xsl:attribute name="fox:alt-text" namespace="http://xmlgraphics.apache.org/fop/extensions">
                    <xsl:call-template name="str"><xsl:with-param name="key" select="'emblem'"/></xsl:call-template>
                  </xsl:attribute>
                </fo:external-graphic>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell display-align="center">
              <fo:block font-family="{$sans-font}" font-size="11pt" font-weight="bold" color="{$accent}">
                <xsl:call-template name="str"><xsl:with-param name="key" select="'union'"/></xsl:call-template>
              </fo:block>
              <fo:block font-family="{$heading-font}" font-size="14pt" font-weight="bold" role="H1">
                <xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>
      <fo:block text-align="end" space-after="6mm"><xsl:call-template name="place-date"/></fo:block>

      <fo:table table-layout="fixed" width="100%" space-after="6mm" font-size="11pt">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell padding-end="4mm">
              <fo:list-block provisional-distance-between-starts="{$header-label-width}" provisional-label-separation="2mm">
                <xsl:call-template name="header-field">
                  <xsl:with-param name="key" select="'label-ref'"/>
                  <xsl:with-param name="value"><fo:block><xsl:value-of select="$circular-name"/></fo:block><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="@code"/></xsl:call-template></fo:block></xsl:with-param>
                </xsl:call-template>
                <xsl:if test="c:contact/c:name">
                  <xsl:call-template name="header-field">
                    <xsl:with-param name="key" select="'label-contact'"/>
                    <xsl:with-param name="value"><fo:block><xsl:value-of select="c:contact/c:name"/></fo:block></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:call-template name="header-field">
                  <xsl:with-param name="key" select="'label-tel'"/>
                  <xsl:with-param name="value"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:contact/c:phone"/></xsl:call-template></fo:block></xsl:with-param>
                </xsl:call-template>
                <xsl:if test="c:contact/c:fax">
                  <xsl:call-template name="header-field">
                    <xsl:with-param name="key" select="'label-fax'"/>
                    <xsl:with-param name="value"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:contact/c:fax"/></xsl:call-template></fo:block></xsl:with-param>
                  </xsl:call-template>
                </xsl:if>
                <xsl:call-template name="header-field">
                  <xsl:with-param name="key" select="'label-email'"/>
                  <xsl:with-param name="value"><fo:block><xsl:apply-templates select="c:contact/c:email" mode="inline"/></fo:block></xsl:with-param>
                </xsl:call-template>
              </fo:list-block>
            </fo:table-cell>
            <fo:table-cell>
              <xsl:apply-templates select="c:to | c:copy"/>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>

      <fo:list-block provisional-distance-between-starts="22mm" provisional-label-separation="2mm" space-after="8mm">
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <fo:block font-weight="bold" font-family="{$heading-font}" id="{c:subject/@id}"><xsl:apply-templates select="c:subject/node()" mode="inline"/></fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </fo:list-block>

      <fo:block space-after="6pt" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></fo:block>
      <xsl:apply-templates select="c:letter/*" mode="block"/>
      <fo:block space-before="12pt" keep-with-next.within-page="always" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></fo:block>
      <fo:block space-before="24pt" keep-together.within-page="always" keep-with-next.within-page="always">
        <fo:block id="{c:signature/c:title/@id}"><xsl:apply-templates select="c:signature/c:title/node()" mode="inline"/></fo:block>
        <fo:block id="{c:signature/c:name/@id}"><xsl:value-of select="c:signature/c:name"/></fo:block>
      </fo:block>
      <xsl:if test="c:annex">
        <fo:block space-before="18pt" font-size="11pt">
          <xsl:call-template name="str">
            <xsl:with-param name="key" select="'annexes'"/>
            <xsl:with-param name="args"><a n="n"><xsl:value-of select="count(c:annex)"/></a></xsl:with-param>
          </xsl:call-template>
        </fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="header-field">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <fo:list-item space-after="2pt">
      <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="$key"/></xsl:call-template></fo:block></fo:list-item-label>
      <fo:list-item-body start-indent="body-start()"><xsl:copy-of select="$value"/></fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:template match="c:to | c:copy">
    <fo:list-block provisional-distance-between-starts="14mm" provisional-label-separation="1mm" space-after="4pt">
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="concat('label-', local-name())"/></xsl:call-template></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:list-block provisional-distance-between-starts="4mm" provisional-label-separation="1mm" role="L">
            <xsl:for-each select="c:addressee">
              <fo:list-item role="LI">
                <fo:list-item-label end-indent="label-end()"><fo:block>–</fo:block></fo:list-item-label>
                <fo:list-item-body start-indent="body-start()">
                  <fo:block id="{@id}">
                    <xsl:apply-templates mode="inline"/>
                    <xsl:call-template name="str">
                      <xsl:with-param name="key" select="substring('list-item-endlist-last-end', 1 + 13 * not(following::c:addressee), 13)"/>
                    </xsl:call-template>
                  </fo:block>
                </fo:list-item-body>
              </fo:list-item>
            </xsl:for-each>
          </fo:list-block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="c:note" mode="block">
    <fo:block id="{@id}" space-after="6pt" text-align="{$align}" font-size="11pt" role="P">
      <fo:inline>
        <xsl:if test="$italic-ok"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
        <xsl:call-template name="note-label"/>
      </fo:inline>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <!-- Annex 1: the drafts. -->
  <xsl:template match="c:annex[@type = 'drafts']">
    <fo:block id="{@id}" break-before="page">
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" font-size="13pt"
                space-after="8pt" keep-with-next.within-page="always" role="H1">
        <xsl:call-template name="annex-heading"/>
      </fo:block>
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" space-after="14pt"
                keep-with-next.within-page="always" role="H2" id="{c:title/@id}">
        <xsl:apply-templates select="c:title/node()" mode="inline"/>
      </fo:block>
      <xsl:for-each select="c:draft">
        <fo:block id="{@id}" space-before="10pt">
          <fo:list-block provisional-distance-between-starts="10mm" provisional-label-separation="2mm"
                         keep-with-next.within-page="always" font-family="{$heading-font}" font-weight="bold">
            <fo:list-item>
              <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="position()"/></fo:block></fo:list-item-label>
              <fo:list-item-body start-indent="body-start()"><fo:block role="H3"><xsl:call-template name="draft-heading"/></fo:block></fo:list-item-body>
            </fo:list-item>
          </fo:list-block>
          <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" space-before="4pt" space-after="4pt"
                    keep-with-next.within-page="always" id="{c:title/@id}" role="P">
            <xsl:apply-templates select="c:title/node()" mode="inline"/>
          </fo:block>
          <fo:block font-style="italic" keep-with-next.within-page="always" space-after="2pt" role="H4">
            <xsl:if test="not($italic-ok)"><xsl:attribute name="font-style">normal</xsl:attribute><xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute></xsl:if>
            <xsl:if test="$dir = 'rtl'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
            <xsl:call-template name="str"><xsl:with-param name="key" select="'summary'"/></xsl:call-template>
          </fo:block>
          <xsl:for-each select="c:summary/c:p">
            <fo:block id="{@id}" space-after="4pt" text-align="{$align}" widows="2" orphans="2" role="P">
              <xsl:apply-templates mode="inline"/>
            </fo:block>
          </xsl:for-each>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- A general annex: heading, title, then its blocks (common/fo-block.xsl). -->
  <xsl:template match="c:annex[not(@type) or @type = 'general']">
    <fo:block id="{@id}" break-before="page">
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" font-size="13pt"
                space-after="8pt" keep-with-next.within-page="always" role="H1">
        <xsl:call-template name="annex-heading"/>
      </fo:block>
      <xsl:for-each select="c:title">
        <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" space-after="14pt"
                  keep-with-next.within-page="always" role="H2" id="{@id}">
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="block"/>
    </fo:block>
  </xsl:template>

  <!-- Annex 2: the reply form; its rows come from the drafts annex. -->
  <xsl:template match="c:annex[@type = 'reply-form']">
    <fo:block id="{@id}" break-before="page" font-size="11pt">
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" font-size="13pt"
                space-after="10pt" keep-with-next.within-page="always" role="H1">
        <xsl:call-template name="annex-heading"/>
      </fo:block>
      <fo:list-block provisional-distance-between-starts="18mm" provisional-label-separation="2mm" space-after="8pt">
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <fo:block font-weight="bold" font-family="{$heading-font}">
              <fo:block><xsl:call-template name="str-number"><xsl:with-param name="key" select="'reply-subject'"/></xsl:call-template></fo:block>
              <fo:block id="{c:subject/@id}"><xsl:apply-templates select="c:subject/node()" mode="inline"/></fo:block>
            </fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </fo:list-block>

      <fo:table table-layout="fixed" width="100%" space-after="8pt">
        <fo:table-column column-width="{$reply-label-width}"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-column column-width="{$reply-label-width}"/>
        <fo:table-column column-width="proportional-column-width(1)"/>
        <fo:table-body>
          <fo:table-row>
            <fo:table-cell><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-to'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-end="3mm"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-to'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-from'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-from'"/></xsl:call-template></fo:block></fo:table-cell>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:reply-to/c:fax"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt" border-bottom="0.5pt solid black"><fo:block/></fo:table-cell>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:apply-templates select="c:reply-to/c:email" mode="inline"/></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt" border-bottom="0.5pt solid black"><fo:block/></fo:table-cell>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell><fo:block/></fo:table-cell>
            <fo:table-cell><fo:block/></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-date'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-date'"/></xsl:call-template></fo:block></fo:table-cell>
          </fo:table-row>
        </fo:table-body>
      </fo:table>

      <fo:block space-after="6pt" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></fo:block>
      <fo:block space-after="8pt" text-align="{$align}" role="P"><xsl:call-template name="str-number"><xsl:with-param name="key" select="'reply-intro'"/></xsl:call-template></fo:block>

      <fo:table table-layout="fixed" width="100%" border="0.5pt solid black" role="Table">
        <fo:table-column column-width="proportional-column-width(30)"/>
        <fo:table-column column-width="9mm"/>
        <fo:table-column column-width="proportional-column-width(62)"/>
        <fo:table-header>
          <fo:table-row>
            <fo:table-cell number-columns-spanned="3" padding="3pt" border="0.5pt solid black" text-align="end">
              <fo:block><xsl:if test="$italic-ok"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-select'"/></xsl:call-template></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </fo:table-header>
        <xsl:for-each select="../c:annex[@type = 'drafts']/c:draft">
          <fo:table-body keep-together.within-page="always">
            <fo:table-row>
              <fo:table-cell number-rows-spanned="2" padding="4pt" border="0.5pt solid black" role="TH">
                <fo:block font-weight="bold"><xsl:call-template name="reply-row-label"/></fo:block>
              </fo:table-cell>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black"><xsl:call-template name="check-box"/></fo:table-cell>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black" border-end="0.5pt solid black">
                <fo:block><xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-authorize'"/></xsl:call-template></fo:block>
                <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="1mm" start-indent="4mm" space-before="2pt">
                  <fo:list-item>
                    <fo:list-item-label end-indent="label-end()"><fo:block>○</fo:block></fo:list-item-label>
                    <fo:list-item-body start-indent="body-start()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-1'"/></xsl:call-template></fo:block></fo:list-item-body>
                  </fo:list-item>
                  <fo:list-item>
                    <fo:list-item-label end-indent="label-end()"><fo:block>○</fo:block></fo:list-item-label>
                    <fo:list-item-body start-indent="body-start()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-2'"/></xsl:call-template></fo:block></fo:list-item-body>
                  </fo:list-item>
                </fo:list-block>
              </fo:table-cell>
            </fo:table-row>
            <fo:table-row>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black"><xsl:call-template name="check-box"/></fo:table-cell>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black" border-end="0.5pt solid black">
                <fo:block><xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-not-authorize'"/></xsl:call-template></fo:block>
              </fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </xsl:for-each>
      </fo:table>

      <fo:block space-before="14pt" keep-with-next.within-page="always" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></fo:block>
      <fo:block space-before="18pt" keep-together.within-page="always"><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-signature'"/></xsl:call-template></fo:block>
    </fo:block>
  </xsl:template>

  <!-- An empty square to tick, drawn with borders (no font has to carry a box glyph). -->
  <xsl:template name="check-box">
    <fo:block-container width="3.6mm" height="3.6mm" border="0.6pt solid black" space-before="1pt">
      <fo:block/>
    </fo:block-container>
  </xsl:template>

</xsl:stylesheet>
