<?xml version="1.0" encoding="UTF-8"?>
<!-- A TSB circular as XSL-FO 1.1, for circgen's layout engine (and any FO processor).

     A4 portrait, 2 cm side margins. The first page carries the letterhead and the ITU
     address footer; later pages a running header ("- 2 -" and the circular's name).
     Each annex starts on a new page. Accessibility roles (role="H1", "P", ...) become
     the PDF's structure tags.

     Parameters (passed by circgen):
       $typedir  absolute path of this folder (for the emblem)
       $emblem   the letterhead image; default: the neutral placeholder emblem.svg
       $form     'yes' (default): the reply form's boxes are form fields (cx:field, an
                 AcroForm in the PDF); 'no': boxes only, for a print edition -->
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
                xmlns:cx="urn:circgen:fo-extensions"
                exclude-result-prefixes="c s">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/fo-inline.xsl"/>
  <xsl:include href="../common/fo-block.xsl"/>
  <xsl:include href="../common/fo-letter.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="typedir" select="'.'"/>
  <xsl:param name="emblem" select="concat($typedir, '/emblem.svg')"/>
  <xsl:param name="form" select="'yes'"/>

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
  <!-- The name in the Ref field and the running header (common/fo-letter.xsl). -->
  <xsl:variable name="doc-name" select="$circular-name"/>
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
      <xsl:call-template name="letter-page-masters"/>

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

      <fo:page-sequence master-reference="letter" initial-page-number="1">
        <xsl:call-template name="letter-page-furniture"/>
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
      <xsl:call-template name="letter-head"/>

      <fo:block space-after="6pt" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'salutation'"/></xsl:call-template></fo:block>
      <xsl:apply-templates select="c:letter/*" mode="block"/>
      <xsl:call-template name="letter-close"/>
    </fo:block>
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

  <!-- A questionnaire: heading, title, the respondent's details on lines, then the
       questions with their tick boxes or answer lines, drawn from the questions. -->
  <xsl:template match="c:annex[@type = 'questionnaire']">
    <fo:block id="{@id}" break-before="page">
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" font-size="13pt"
                space-after="8pt" keep-with-next.within-page="always" role="H1">
        <xsl:call-template name="annex-heading"/>
      </fo:block>
      <fo:block text-align="center" font-family="{$heading-font}" font-weight="bold" space-after="12pt"
                keep-with-next.within-page="always" role="H2" id="{c:title/@id}">
        <xsl:apply-templates select="c:title/node()" mode="inline"/>
      </fo:block>
      <fo:block font-family="{$heading-font}" font-weight="bold" space-after="4pt" keep-with-next.within-page="always" role="H3">
        <xsl:if test="c:respondent-label"><xsl:attribute name="id"><xsl:value-of select="c:respondent-label/@id"/></xsl:attribute></xsl:if>
        <xsl:call-template name="questionnaire-respondent"/>
      </fo:block>
      <fo:table table-layout="fixed" width="100%" space-after="10pt" keep-together.within-page="always">
        <fo:table-column column-width="proportional-column-width(2)"/>
        <fo:table-column column-width="proportional-column-width(3)"/>
        <fo:table-body>
          <xsl:for-each select="$strings/s:s[@id = 'q-label-state' or @id = 'q-label-name' or @id = 'q-label-email']">
            <fo:table-row>
              <fo:table-cell padding-top="7pt" padding-right="2mm"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="@id"/></xsl:call-template></fo:block></fo:table-cell>
              <xsl:choose>
                <xsl:when test="$form = 'yes'">
                  <fo:table-cell padding-top="1pt">
                    <xsl:call-template name="q-field">
                      <xsl:with-param name="name" select="concat('respondent.', substring-after(@id, 'q-label-'))"/>
                      <xsl:with-param name="tip"><xsl:call-template name="str-text"><xsl:with-param name="key" select="@id"/></xsl:call-template></xsl:with-param>
                      <xsl:with-param name="line" select="true()"/>
                    </xsl:call-template>
                  </fo:table-cell>
                </xsl:when>
                <xsl:otherwise><fo:table-cell padding-top="7pt" border-bottom="0.5pt solid black"><fo:block/></fo:table-cell></xsl:otherwise>
              </xsl:choose>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
      <xsl:apply-templates select="*[not(self::c:title or self::c:reply-to)]" mode="block"/>
      <xsl:if test="c:reply-to">
        <fo:block space-before="12pt" text-align="{$align}" role="P">
          <xsl:if test="c:reply-to/c:return-note"><xsl:attribute name="id"><xsl:value-of select="c:reply-to/c:return-note/@id"/></xsl:attribute></xsl:if>
          <xsl:call-template name="questionnaire-return">
            <xsl:with-param name="email"><xsl:apply-templates select="c:reply-to/c:email" mode="inline"/></xsl:with-param>
          </xsl:call-template>
        </fo:block>
      </xsl:if>
      <fo:block space-before="8pt" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'q-thanks'"/></xsl:call-template></fo:block>
    </fo:block>
  </xsl:template>

  <xsl:template match="c:question" mode="block">
    <fo:block id="{@id}" space-before="8pt" space-after="4pt" text-align="{$align}">
      <xsl:if test="@type != 'text'"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
    <fo:list-block provisional-distance-between-starts="9mm" provisional-label-separation="2mm" keep-with-next.within-page="always">
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()">
          <fo:block font-family="{$heading-font}" font-weight="bold">
            <xsl:call-template name="str">
              <xsl:with-param name="key" select="'q-number'"/>
              <xsl:with-param name="args"><a n="n"><xsl:call-template name="question-number"/></a></xsl:with-param>
            </xsl:call-template>
          </fo:block>
        </fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block role="P" keep-with-next.within-page="always">
            <fo:inline font-family="{$heading-font}" font-weight="bold" id="{c:text/@id}"><xsl:apply-templates select="c:text/node()" mode="inline"/></fo:inline>
            <xsl:if test="@type = 'choice' or @type = 'multiple'">
              <xsl:text> </xsl:text>
              <fo:inline font-size="10.5pt">
                <xsl:if test="$lang != 'zh'"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
                <xsl:call-template name="question-hint"/>
              </fo:inline>
            </xsl:if>
          </fo:block>
          <xsl:for-each select="c:hint">
            <fo:block id="{@id}" font-size="10.5pt" space-before="2pt" color="#333333" role="P"><xsl:apply-templates mode="inline"/></fo:block>
          </xsl:for-each>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
    <fo:block margin-left="9mm">
          <xsl:choose>
            <xsl:when test="@type = 'text'">
              <xsl:variable name="n" select="number(concat('0', @lines)) + 4 * not(@lines)"/>
              <xsl:choose>
                <xsl:when test="$form = 'yes'">
                  <xsl:call-template name="q-field">
                    <xsl:with-param name="name" select="@id"/>
                    <xsl:with-param name="tip"><xsl:call-template name="str-text"><xsl:with-param name="key" select="'q-answer'"/><xsl:with-param name="args"><a n="n"><xsl:call-template name="question-number"/></a></xsl:with-param></xsl:call-template></xsl:with-param>
                    <xsl:with-param name="lines" select="$n"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="answer-lines"><xsl:with-param name="n" select="$n"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:when test="@type = 'yes-no'">
              <xsl:variable name="q" select="."/>
              <fo:table table-layout="fixed" width="100%" space-before="4pt">
                <fo:table-column column-width="6mm"/>
                <fo:table-column column-width="proportional-column-width(1)"/>
                <fo:table-body start-indent="0pt" end-indent="0pt">
                  <xsl:for-each select="$strings/s:s[@id = 'q-yes' or @id = 'q-no']">
                    <fo:table-row>
                      <fo:table-cell padding-bottom="3pt">
                        <xsl:call-template name="q-box">
                          <xsl:with-param name="question" select="$q"/>
                          <xsl:with-param name="value" select="substring-after(@id, 'q-')"/>
                          <xsl:with-param name="label"><xsl:call-template name="str-text"><xsl:with-param name="key" select="@id"/></xsl:call-template></xsl:with-param>
                        </xsl:call-template>
                      </fo:table-cell>
                      <fo:table-cell padding-bottom="3pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="@id"/></xsl:call-template></fo:block></fo:table-cell>
                    </fo:table-row>
                  </xsl:for-each>
                </fo:table-body>
              </fo:table>
            </xsl:when>
            <xsl:otherwise>
              <fo:table table-layout="fixed" width="100%" space-before="4pt">
                <fo:table-column column-width="6mm"/>
                <fo:table-column column-width="proportional-column-width(1)"/>
                <fo:table-body start-indent="0pt" end-indent="0pt">
                  <xsl:for-each select="c:option">
                    <fo:table-row>
                      <fo:table-cell padding-bottom="3pt">
                        <xsl:call-template name="q-box">
                          <xsl:with-param name="question" select=".."/>
                          <xsl:with-param name="value" select="@id"/>
                          <xsl:with-param name="label" select="normalize-space(.)"/>
                        </xsl:call-template>
                      </fo:table-cell>
                      <fo:table-cell padding-bottom="3pt">
                        <fo:block id="{@id}">
                          <xsl:apply-templates mode="inline"/>
                          <xsl:if test="@specify and $form != 'yes'">
                            <xsl:text> </xsl:text>
                            <fo:leader leader-pattern="rule" leader-length="60mm" rule-thickness="0.5pt"/>
                          </xsl:if>
                        </fo:block>
                        <xsl:if test="@specify and $form = 'yes'">
                          <xsl:call-template name="q-field">
                            <xsl:with-param name="name" select="concat(@id, '-specify')"/>
                            <xsl:with-param name="tip"><xsl:value-of select="normalize-space(../c:text)"/>: <xsl:call-template name="str-text"><xsl:with-param name="key" select="'q-specify'"/></xsl:call-template></xsl:with-param>
                            <xsl:with-param name="line" select="true()"/>
                            <xsl:with-param name="width" select="'60mm'"/>
                          </xsl:call-template>
                        </xsl:if>
                      </fo:table-cell>
                    </fo:table-row>
                  </xsl:for-each>
                </fo:table-body>
              </fo:table>
            </xsl:otherwise>
          </xsl:choose>
    </fo:block>
    </fo:block>
  </xsl:template>

  <!-- $n empty lines to write on. -->
  <xsl:template name="answer-lines">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <fo:block-container height="8mm" border-bottom="0.5pt solid #555555"><fo:block/></fo:block-container>
      <xsl:call-template name="answer-lines"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
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
            <fo:table-cell>
              <xsl:call-template name="string-fields">
                <xsl:with-param name="key" select="'reply-from'"/>
                <xsl:with-param name="names" select="'name title address'"/>
              </xsl:call-template>
            </fo:table-cell>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="c:reply-to/c:fax"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></fo:block></fo:table-cell>
            <xsl:call-template name="line-cell"><xsl:with-param name="name" select="'fax'"/></xsl:call-template>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:apply-templates select="c:reply-to/c:email" mode="inline"/></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></fo:block></fo:table-cell>
            <xsl:call-template name="line-cell"><xsl:with-param name="name" select="'email'"/></xsl:call-template>
          </fo:table-row>
          <fo:table-row>
            <fo:table-cell><fo:block/></fo:table-cell>
            <fo:table-cell><fo:block/></fo:table-cell>
            <fo:table-cell padding-top="4pt"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-date'"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell padding-top="4pt">
              <xsl:call-template name="string-fields">
                <xsl:with-param name="key" select="'reply-date'"/>
                <xsl:with-param name="names" select="'date'"/>
              </xsl:call-template>
            </fo:table-cell>
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
              <fo:table-cell padding="4pt" border-top="0.5pt solid black"><xsl:call-template name="check-box"><xsl:with-param name="group" select="'authorize'"/><xsl:with-param name="value" select="'authorize'"/></xsl:call-template></fo:table-cell>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black" border-right="0.5pt solid black">
                <fo:block><xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-authorize'"/></xsl:call-template></fo:block>
                <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="1mm" start-indent="4mm" space-before="2pt">
                  <fo:list-item>
                    <fo:list-item-label end-indent="label-end()"><xsl:call-template name="option-box"><xsl:with-param name="value" select="'no-comments'"/></xsl:call-template></fo:list-item-label>
                    <fo:list-item-body start-indent="body-start()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-1'"/></xsl:call-template></fo:block></fo:list-item-body>
                  </fo:list-item>
                  <fo:list-item>
                    <fo:list-item-label end-indent="label-end()"><xsl:call-template name="option-box"><xsl:with-param name="value" select="'comments'"/></xsl:call-template></fo:list-item-label>
                    <fo:list-item-body start-indent="body-start()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'reply-option-2'"/></xsl:call-template></fo:block></fo:list-item-body>
                  </fo:list-item>
                </fo:list-block>
              </fo:table-cell>
            </fo:table-row>
            <fo:table-row>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black"><xsl:call-template name="check-box"><xsl:with-param name="group" select="'authorize'"/><xsl:with-param name="value" select="'not-authorize'"/></xsl:call-template></fo:table-cell>
              <fo:table-cell padding="4pt" border-top="0.5pt solid black" border-right="0.5pt solid black">
                <fo:block><xsl:call-template name="str-sg"><xsl:with-param name="key" select="'reply-not-authorize'"/></xsl:call-template></fo:block>
                <xsl:if test="$form = 'yes'">
                  <xsl:call-template name="text-field">
                    <xsl:with-param name="name" select="concat(@id, '.comments')"/>
                    <xsl:with-param name="tip" select="'comments'"/>
                    <xsl:with-param name="height" select="'12mm'"/>
                    <xsl:with-param name="multiline" select="true()"/>
                    <xsl:with-param name="box" select="true()"/>
                  </xsl:call-template>
                </xsl:if>
              </fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </xsl:for-each>
      </fo:table>

      <fo:block space-before="14pt" keep-with-next.within-page="always" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></fo:block>
      <fo:block space-before="18pt" keep-together.within-page="always">
        <xsl:if test="$form = 'yes'">
          <fo:block-container width="90mm">
            <xsl:call-template name="text-field"><xsl:with-param name="name" select="'signature'"/><xsl:with-param name="height" select="'10mm'"/></xsl:call-template>
          </fo:block-container>
        </xsl:if>
        <xsl:call-template name="string-fields">
          <xsl:with-param name="key" select="'reply-signature'"/>
          <xsl:with-param name="names" select="'signatory capacity administration'"/>
          <xsl:with-param name="width" select="'90mm'"/>
        </xsl:call-template>
      </fo:block>
    </fo:block>
  </xsl:template>

  <!-- Form fields (the circgen FO extension cx:field; see README). Tooltips come from the
       string catalog ('field-' + the tip key); a catalog without one gives no tooltip. -->
  <xsl:template name="field-tip">
    <xsl:param name="key"/>
    <xsl:param name="draft" select="/.."/>
    <xsl:if test="$strings/s:s[@id = concat('field-', $key)]">
      <xsl:attribute name="cx:field-tooltip">
        <xsl:call-template name="str-text">
          <xsl:with-param name="key" select="concat('field-', $key)"/>
          <xsl:with-param name="args">
            <a n="draft"><xsl:for-each select="$draft"><xsl:call-template name="reply-row-label"/></xsl:for-each></a>
            <a n="sg"><xsl:value-of select="/c:circular/@study-group"/></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A text field on a line to write on (box: in a frame). -->
  <xsl:template name="text-field">
    <xsl:param name="name"/>
    <xsl:param name="tip" select="$name"/>
    <xsl:param name="height" select="'6.5mm'"/>
    <xsl:param name="multiline" select="false()"/>
    <xsl:param name="box" select="false()"/>
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <fo:block-container height="{$height}" space-before="2pt" cx:field="text" cx:field-name="{$name}">
      <xsl:if test="$width"><xsl:attribute name="width"><xsl:value-of select="$width"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$box"><xsl:attribute name="border">0.5pt solid black</xsl:attribute></xsl:when>
        <xsl:otherwise><xsl:attribute name="border-bottom">0.5pt dotted black</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$multiline"><xsl:attribute name="cx:field-multiline">true</xsl:attribute></xsl:if>
      <xsl:call-template name="field-tip">
        <xsl:with-param name="key" select="$tip"/>
        <xsl:with-param name="draft" select="self::c:draft"/>
      </xsl:call-template>
      <fo:block start-indent="0pt" end-indent="0pt"><xsl:value-of select="$text"/></fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- A string of lines (a placeholder such as "[Name]<br/>[Official capacity/Title]"):
       without the form, the string; with it, each line a text field named by the next
       word of $names, the line printed in it (a filled field covers it). -->
  <xsl:template name="string-fields">
    <xsl:param name="key"/>
    <xsl:param name="names"/>
    <xsl:param name="width"/>
    <xsl:choose>
      <xsl:when test="$form = 'yes' and $strings/s:s[@id = $key][not(s:arg)]">
        <xsl:for-each select="$strings/s:s[@id = $key]/text()[normalize-space()]">
          <xsl:variable name="n" select="position()"/>
          <xsl:variable name="name">
            <xsl:call-template name="nth-word"><xsl:with-param name="words" select="$names"/><xsl:with-param name="n" select="$n"/></xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="tip" select="$name"/>
            <xsl:with-param name="text" select="normalize-space(.)"/>
            <xsl:with-param name="width" select="$width"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="$key"/></xsl:call-template></fo:block></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="nth-word">
    <xsl:param name="words"/>
    <xsl:param name="n"/>
    <xsl:variable name="w" select="normalize-space($words)"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1 and contains($w, ' ')"><xsl:value-of select="substring-before($w, ' ')"/></xsl:when>
      <xsl:when test="$n &lt;= 1"><xsl:value-of select="$w"/></xsl:when>
      <xsl:when test="contains($w, ' ')"><xsl:call-template name="nth-word"><xsl:with-param name="words" select="substring-after($w, ' ')"/><xsl:with-param name="n" select="$n - 1"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('field', $n)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cell of a line to fill in (fax, e-mail of the sender). -->
  <xsl:template name="line-cell">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$form = 'yes'">
        <fo:table-cell><xsl:call-template name="text-field"><xsl:with-param name="name" select="$name"/></xsl:call-template></fo:table-cell>
      </xsl:when>
      <xsl:otherwise><fo:table-cell padding-top="4pt" border-bottom="0.5pt solid black"><fo:block/></fo:table-cell></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A sub-option's circle: a radio button of the draft's group "option" (used only when
       the draft is authorized; PDF/A forbids the script that would enforce it). The
       button is the glyph's box, one em wide with the glyph centred: its dot falls in it. -->
  <xsl:template name="option-box">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$form = 'yes'">
        <fo:block-container width="1em" cx:field="radio" cx:field-name="{@id}.option" cx:field-value="{$value}">
          <xsl:call-template name="field-tip">
            <xsl:with-param name="key" select="concat('option-', $value)"/>
            <xsl:with-param name="draft" select="."/>
          </xsl:call-template>
          <fo:block start-indent="0pt" end-indent="0pt" text-align="center">○</fo:block>
        </fo:block-container>
      </xsl:when>
      <xsl:otherwise><fo:block>○</fo:block></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The questionnaire's fields. A text field (name: the question's id, a respondent
       line's 'respondent.state|name|email', a specified option's id + '-specify'):
       $line, one line to write on; else $lines answer lines in one multi-line field. -->
  <xsl:template name="q-field">
    <xsl:param name="name"/>
    <xsl:param name="tip"/>
    <xsl:param name="line" select="false()"/>
    <xsl:param name="lines" select="1"/>
    <xsl:param name="width"/>
    <fo:block-container cx:field="text" cx:field-name="{$name}" cx:field-tooltip="{normalize-space($tip)}">
      <xsl:if test="$width"><xsl:attribute name="width"><xsl:value-of select="$width"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$line"><xsl:attribute name="height">6.5mm</xsl:attribute><xsl:attribute name="border-bottom">0.5pt solid black</xsl:attribute></xsl:when>
        <xsl:otherwise><xsl:attribute name="cx:field-multiline">true</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$line"><fo:block start-indent="0pt" end-indent="0pt"/></xsl:when>
        <xsl:otherwise><fo:block start-indent="0pt" end-indent="0pt"><xsl:call-template name="answer-lines"><xsl:with-param name="n" select="$lines"/></xsl:call-template></fo:block></xsl:otherwise>
      </xsl:choose>
    </fo:block-container>
  </xsl:template>

  <!-- A questionnaire's box: in the form a radio button of the question's group (choice,
       yes-no: name the question's id, value the option's id or yes/no) or a check box
       (multiple: name question.option, both ids); tooltip the question and the option. -->
  <xsl:template name="q-box">
    <xsl:param name="question"/>
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <fo:block-container width="3.6mm" height="3.6mm" border="0.6pt solid black" space-before="1pt">
      <xsl:if test="$form = 'yes'">
        <xsl:choose>
          <xsl:when test="$question/@type = 'multiple'">
            <xsl:attribute name="cx:field">checkbox</xsl:attribute>
            <xsl:attribute name="cx:field-name"><xsl:value-of select="concat($question/@id, '.', $value)"/></xsl:attribute>
            <xsl:attribute name="cx:field-value">Yes</xsl:attribute>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="cx:field">radio</xsl:attribute>
            <xsl:attribute name="cx:field-name"><xsl:value-of select="$question/@id"/></xsl:attribute>
            <xsl:attribute name="cx:field-value"><xsl:value-of select="$value"/></xsl:attribute>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:attribute name="cx:field-tooltip"><xsl:value-of select="concat(normalize-space($question/c:text), ': ', normalize-space($label))"/></xsl:attribute>
      </xsl:if>
      <fo:block/>
    </fo:block-container>
  </xsl:template>

  <!-- An empty square to tick, drawn with borders (no font has to carry a box glyph). -->
  <xsl:template name="check-box">
    <xsl:param name="group"/>
    <xsl:param name="value"/>
    <fo:block-container width="3.6mm" height="3.6mm" border="0.6pt solid black" space-before="1pt">
      <xsl:if test="$form = 'yes' and $group">
        <xsl:attribute name="cx:field">radio</xsl:attribute>
        <xsl:attribute name="cx:field-name"><xsl:value-of select="concat(@id, '.', $group)"/></xsl:attribute>
        <xsl:attribute name="cx:field-value"><xsl:value-of select="$value"/></xsl:attribute>
        <xsl:call-template name="field-tip">
          <xsl:with-param name="key" select="$value"/>
          <xsl:with-param name="draft" select="."/>
        </xsl:call-template>
      </xsl:if>
      <fo:block/>
    </fo:block-container>
  </xsl:template>

</xsl:stylesheet>
